package dev.selfservice.localtenant;

import static dev.selfservice.support.LocalTenantUrls.DEMO_PASSWORD;
import static dev.selfservice.support.LocalTenantUrls.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import dev.selfservice.support.Commands;
import dev.selfservice.support.TenantApi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Auth0's Node.js SDK (npm {@code auth0} 4.37.1, pinned by src/test/node/package-lock.json) drives the local tenant:
 * a second official client, written by Auth0 apart from auth0-java, whose requests and parsing must both find the
 * tenant Auth0-shaped (src/test/node/conformance.test.mjs, run with node's own test runner). It needs node and npm;
 * CI requires it ({@code REQUIRE_NODE=true}), elsewhere it is skipped without them.
 */
@QuarkusTest
@dev.selfservice.support.CleanSlate
class NodeSdkConformanceTest {

    private static final Path SOURCES = Path.of("src/test/node");
    private static final Path WORK = Path.of("target/node-sdk");


    @Test
    void auth0sNodeSdkFindsTheTenantAuth0Shaped() throws Exception {
        boolean required = Boolean.parseBoolean(System.getenv("REQUIRE_NODE"));
        if (!required) {
            Assumptions.assumeTrue(Commands.onPath("node") && Commands.onPath("npm"), "node and npm are not installed");
        }
        Files.createDirectories(WORK);
        for (String file : List.of("package.json", "package-lock.json", "conformance.test.mjs")) {
            Files.copy(SOURCES.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(WORK.resolve("node_modules/auth0"))) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund"), 300);
        }
        String out = run(List.of("node", "--test", "--test-reporter=spec", "conformance.test.mjs"), 120);
        // every test of the file ran and passed (a file that failed to load would run none)
        long tests = java.util.regex.Pattern.compile("^test\\(", java.util.regex.Pattern.MULTILINE)
                .matcher(Files.readString(SOURCES.resolve("conformance.test.mjs"))).results().count();
        assertThat(tests).isGreaterThanOrEqualTo(10);
        assertThat(out).contains("pass " + tests).contains("fail 0");
    }

    private static String run(List<String> command, int seconds) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(WORK.toFile()).redirectErrorStream(true);
        pb.environment().put("TENANT_URL", tenant());
        pb.environment().put("WEB_CLIENT", TenantApi.WEB_CLIENT);
        pb.environment().put("WEB_SECRET", TenantApi.WEB_SECRET);
        pb.environment().put("OTP_CLIENT", TenantApi.OTP_CLIENT);
        pb.environment().put("OTP_SECRET", TenantApi.OTP_SECRET);
        pb.environment().put("M2M_CLIENT", TenantApi.M2M_CLIENT);
        pb.environment().put("M2M_SECRET", TenantApi.M2M_SECRET);
        pb.environment().put("DEMO_PASSWORD", DEMO_PASSWORD);
        Process process = pb.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(seconds, TimeUnit.SECONDS)).as(String.join(" ", command) + " ends").isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + out).isZero();
        return out;
    }

}
