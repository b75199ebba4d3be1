package dev.selfservice.browser;

import static org.junit.jupiter.api.extension.ConditionEvaluationResult.disabled;
import static org.junit.jupiter.api.extension.ConditionEvaluationResult.enabled;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium and ChromeDriver for the browser suite. As a JUnit condition it skips the suite when they
 * are not installed (saying so once, with how to install them), and fails it instead when {@code REQUIRE_BROWSER=true},
 * as CI sets it.
 */
public class Chromium implements ExecutionCondition {

    static Path binary() {
        return Path.of(Optional.ofNullable(System.getenv("CHROMIUM_BINARY")).orElse("/usr/bin/chromium"));
    }

    static Path driver() {
        return Path.of(Optional.ofNullable(System.getenv("CHROMEDRIVER")).orElse("/usr/bin/chromedriver"));
    }

    static boolean installed() {
        return Files.isExecutable(binary()) && Files.isExecutable(driver());
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (installed()) {
            return enabled("Chromium at " + binary() + ", ChromeDriver at " + driver());
        }
        String how = "install them with: apt-get install chromium chromium-driver   (Debian; or set CHROMIUM_BINARY and"
                + " CHROMEDRIVER), then: ./mvnw test -Dtest='dev.selfservice.browser.**'";
        if ("true".equalsIgnoreCase(System.getenv("REQUIRE_BROWSER"))) {
            throw new IllegalStateException("REQUIRE_BROWSER=true but no Chromium and ChromeDriver were found: " + how);
        }
        // a system property, not a static field: Quarkus tests load this class in a class loader of their own
        if (System.getProperties().putIfAbsent("selfservice.browser.skip-notice", "told") == null) {
            System.out.println("[browser] SKIPPED: no Chromium and ChromeDriver, so the browser suite was skipped; " + how);
        }
        return disabled("no Chromium and ChromeDriver; " + how);
    }

    /** A new headless Chromium with an empty profile of its own, at the walk's window size, JavaScript on or off. */
    static ChromeDriver start(Walk walk) {
        Path profile;
        try {
            Files.createDirectories(Path.of("target/chromium"));
            profile = Files.createTempDirectory(Path.of("target/chromium"), "profile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary().toFile());
        // the flags that let Chromium run as root on a machine with no network but loopback, without reaching out
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath(), "--lang=en-GB",
                "--window-size=" + walk.width() + "," + walk.height());
        if (!walk.javaScript()) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        options.setExperimentalOption("excludeSwitches", List.of("enable-automation"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver().toFile())
                .usingAnyFreePort().build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        // --window-size sets the outer window; the page must get the viewport itself, as on a phone
        chrome.manage().window().setSize(new Dimension(walk.width(), walk.height()));
        return chrome;
    }
}
