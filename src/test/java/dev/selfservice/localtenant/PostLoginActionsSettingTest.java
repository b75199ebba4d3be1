package dev.selfservice.localtenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * {@code local-tenant.actions.*}: the Actions the tenant starts with. None unless set; the files named are bound
 * (and stay bound through a reset); one that does not parse stops the start, as Auth0 refuses to deploy it.
 */
class PostLoginActionsSettingTest {

    private static LocalTenantConfig settings(Optional<List<String>> files, Map<String, String> secrets) {
        LocalTenantConfig.Actions actions = (LocalTenantConfig.Actions) Proxy.newProxyInstance(
                LocalTenantConfig.class.getClassLoader(), new Class<?>[] { LocalTenantConfig.Actions.class },
                (proxy, method, args) -> method.getName().equals("postLogin") ? files : secrets);
        return (LocalTenantConfig) Proxy.newProxyInstance(LocalTenantConfig.class.getClassLoader(),
                new Class<?>[] { LocalTenantConfig.class }, (proxy, method, args) -> {
                    if (method.getName().equals("actions")) {
                        return actions;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void withoutTheSettingNoActionRuns() {
        assertThat(new PostLoginActions(settings(Optional.empty(), Map.of())).scripts()).isEmpty();
    }

    @Test
    void theActionsNamedAreBoundWithTheirSecretsAndAResetGoesBackToThem() throws Exception {
        PostLoginActions actions = new PostLoginActions(settings(
                Optional.of(List.of(EnrolmentNudgeActionTest.ACTION)), Map.of("NUDGE_URL", "https://portal.example/nudge")));
        assertThat(actions.scripts()).extracting(ActionRuntime.Script::name).containsExactly("enrolment-nudge.js");
        assertThat(actions.secrets()).containsEntry("NUDGE_URL", "https://portal.example/nudge");
        actions.bind(List.of(), Map.of());
        assertThat(actions.scripts()).isEmpty();
        actions.reset();
        assertThat(actions.scripts()).extracting(ActionRuntime.Script::name).containsExactly("enrolment-nudge.js");
    }

    @Test
    void anActionThatDoesNotParseStopsTheStart() throws Exception {
        Path broken = Files.createTempFile("broken-action", ".js");
        try {
            Files.writeString(broken, "exports.onExecutePostLogin = async (event, api) => {");
            assertThatThrownBy(() -> new PostLoginActions(settings(Optional.of(List.of(broken.toString())), Map.of())))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not parse");
        } finally {
            Files.deleteIfExists(broken);
        }
    }
}
