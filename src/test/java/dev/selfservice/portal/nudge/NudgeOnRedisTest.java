package dev.selfservice.portal.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.selfservice.localtenant.AppSignIn;
import dev.selfservice.support.Browser;
import dev.selfservice.support.CleanSlate;
import dev.selfservice.support.LocalTenantUrls;
import dev.selfservice.support.Parallel;
import dev.selfservice.support.RedisServer;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The nudge with the state store every replica shares (Redis), and with one "later" allowed
 * ({@code portal.nudge.max-snoozes=1}).
 */
@QuarkusTest
@TestProfile(NudgeOnRedisTest.OnRedisWithOneSnooze.class)
@ExtendWith(RedisServer.class)
@CleanSlate
class NudgeOnRedisTest {

    public static class OnRedisWithOneSnooze extends RedisServer.OnRedis {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("portal.nudge.max-snoozes", "1");
            return overrides;
        }
    }

    @Test
    void exactlyOneOfManyParallelUsesOfALinkOpensThePageAcrossReplicas() {
        NudgeTest.bindTheAction();
        URI link = NudgeTest.nudgeLink("alice");
        List<Integer> statuses = Parallel.times(8, () -> NudgeTest.open(link.toString()).statusCode());
        assertThat(statuses).containsOnly(303, 400);
        assertThat(statuses.stream().filter(s -> s == 303).count()).isEqualTo(1);
    }

    private static Browser.Page nudgedAtThePortal(Browser browser) {
        Browser.Page login = browser.get(AppSignIn.authorizeUrl(""));
        Browser.Page offer = browser.submit(login, "form", Map.of("username", "alice", "password", LocalTenantUrls.DEMO_PASSWORD));
        assertThat(offer.path()).isEqualTo("/nudge/offer");
        return offer;
    }

    @Test
    void onceTheSnoozesAllowedAreUsedLaterIsNotOfferedAndAForgedLaterIsRefused() {
        NudgeTest.bindTheAction();
        Browser first = new Browser().stoppingAt(AppSignIn.callback());
        Browser.Page offer = nudgedAtThePortal(first);
        assertThat(offer.document().select("#nudge-later")).as("the control: the first time, later is offered").hasSize(1);
        assertThat(AppSignIn.isCallback(NudgeTest.returned(first, first.submit(offer, "#nudge-later", Map.of())).uri())).isTrue();
        assertThat(NudgeTest.nudgeMetadata("alice")).containsEntry("snoozes", 1);

        TenantApi.advanceClocks(Duration.ofDays(8));
        Browser second = new Browser().stoppingAt(AppSignIn.callback());
        Browser.Page again = nudgedAtThePortal(second);
        assertThat(again.document().select("#nudge-later")).isEmpty();
        assertThat(again.document().select("#nudge-now")).hasSize(1);

        // "later" posted all the same, with the page's own form tokens
        Browser.Page forged = second.post(LocalTenantUrls.portal() + "/nudge/later", again.hiddenFields("#nudge-now"));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.text("#problem")).contains("You cannot put this off any more");
        assertThat(forged.body()).doesNotContain("Exception");
        assertThat(NudgeTest.nudgeMetadata("alice")).containsEntry("snoozes", 1);
    }
}
