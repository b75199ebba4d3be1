package dev.selfservice.localtenant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

/**
 * The Actions bound to the post-login trigger, in order, and their secrets: from {@code local-tenant.actions}, or as
 * a test installs them ({@code POST /test-controls/actions}) until the tenant's reset. Each file is read and parsed
 * when bound, so that one that does not parse is refused then, as Auth0 refuses to deploy it.
 */
@Singleton
class PostLoginActions {

    private record Bound(List<ActionRuntime.Script> scripts, Map<String, String> secrets) {
    }

    private final Bound configured;
    private volatile Bound bound;

    PostLoginActions(LocalTenantConfig config) {
        try {
            this.configured = load(config.actions().postLogin().orElse(List.of()), config.actions().secrets());
        } catch (ActionRuntime.LoadError e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        this.bound = configured;
    }

    /** Binds these Action files (none: no Action runs) with these secrets, in place of what was bound. */
    void bind(List<String> files, Map<String, String> secrets) throws ActionRuntime.LoadError {
        bound = load(files, secrets);
    }

    /** Back to the configured Actions. */
    void reset() {
        bound = configured;
    }

    List<ActionRuntime.Script> scripts() {
        return bound.scripts();
    }

    Map<String, String> secrets() {
        return bound.secrets();
    }

    private static Bound load(List<String> files, Map<String, String> secrets) throws ActionRuntime.LoadError {
        List<ActionRuntime.Script> scripts = new ArrayList<>();
        for (String file : files) {
            scripts.add(ActionRuntime.load(file));
        }
        return new Bound(List.copyOf(scripts), Map.copyOf(secrets));
    }
}
