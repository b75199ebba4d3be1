package dev.selfservice.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.selfservice.support.Browser;
import dev.selfservice.support.Browser.Hop;
import dev.selfservice.support.Browser.Page;
import dev.selfservice.support.PortalSteps;
import io.restassured.RestAssured;

/**
 * Employees taking every flow against the production replica, as the pages offer them: sign in, sign in again
 * before adding a contact, add an email address and confirm its code, change the password, then (in another browser)
 * recover: ask for a code, enter it, set a new password. Each step's time is split by the portal's
 * {@code Server-Timing} into its own time and its waits on Auth0 and on the breach list (of which the table shows
 * Auth0's), summed over the portal's requests of that step.
 */
final class Flows {

    static final List<String> STEPS = List.of("sign-in", "sign-in again", "enrolment start", "enrolment confirm",
            "password change", "recovery start", "recovery code", "recovery reset");

    private static final Pattern TIMING = Pattern.compile("app;dur=([0-9.]+), auth0;dur=([0-9.]+)");

    /**
     * One step of one flow, in ms: the portal's own time for the step's request (the form posted, or the sign-in's
     * callback) and that request's wait on Auth0; the own time with the step's redirects and the page it ends on; the
     * time the client saw for all of it (the tenant's pages included); and the portal requests it took.
     */
    record Sample(String step, double requestOwnMs, double requestAuth0Ms, double ownMs, double wallMs, int requests) {
    }

    /** The run's samples, and every flow that went wrong so far, by employee and step. */
    record Outcome(List<Sample> samples, List<String> errors) {
    }

    private final String portal;
    private final String tenant;
    private final String password;
    private final String userPrefix;
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private final ThreadLocal<java.util.function.Consumer<String>> stepBegins = new ThreadLocal<>();

    Flows(String portal, String tenant, String password, String userPrefix) {
        this.userPrefix = userPrefix;
        this.portal = portal;
        this.tenant = tenant;
        this.password = password;
    }

    /**
     * One flow alone, with the tenant's count of the calls each step made. A step's count runs until the next step
     * begins, so that the lookups recovery makes after its answer are counted with the step that asked for them.
     */
    Map<String, Map<String, Long>> countCalls(int employee) {
        return countCalls(String.format("%s%03d", userPrefix, employee));
    }

    /** {@link #countCalls(int)} for an employee of any name (the tests' demo users). */
    Map<String, Map<String, Long>> countCalls(String user) {
        Map<String, Map<String, Long>> calls = new LinkedHashMap<>();
        Object[] state = { tenantCalls(), null }; // the count when the current step began, and its name
        java.util.function.Consumer<String> boundary = next -> {
            @SuppressWarnings("unchecked")
            Map<String, Long> before = (Map<String, Long>) state[0];
            Map<String, Long> now = tenantCalls();
            if (state[1] != null) {
                Map<String, Long> made = new TreeMap<>();
                now.forEach((endpoint, n) -> {
                    long d = n - before.getOrDefault(endpoint, 0L);
                    if (d > 0) {
                        made.put(endpoint, d);
                    }
                });
                calls.put((String) state[1], made);
            }
            state[0] = now;
            state[1] = next;
        };
        flow(user, 0, null, boundary);
        boundary.accept(null);
        return calls;
    }

    /** Every flow that went wrong so far, by employee and step. */
    List<String> errors() {
        return List.copyOf(errors);
    }

    /**
     * {@code flows} employees at once, each taking the whole flow {@code rounds} times (a new employee each time, from
     * the {@code firstUser}th on).
     */
    Outcome run(int flows, int rounds, int firstUser) throws Exception {
        List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(flows);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> running = new ArrayList<>();
        for (int f = 0; f < flows; f++) {
            int first = firstUser + f * rounds;
            Callable<Void> employee = () -> {
                start.await();
                for (int r = 0; r < rounds; r++) {
                    flow(String.format("%s%03d", userPrefix, first + r), r, samples::add, step -> {
                    });
                }
                return null;
            };
            running.add(pool.submit(employee));
        }
        start.countDown();
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        return new Outcome(List.copyOf(samples), List.copyOf(errors));
    }

    /** One employee's whole flow; {@code out} takes each step's sample, or is null when only the calls are counted. */
    private void flow(String user, int round, java.util.function.Consumer<Sample> out,
            java.util.function.Consumer<String> stepBegins) {
        this.stepBegins.set(stepBegins);
        String address = user + ".r" + round + "@bench.example";
        // strong, and free of the employee's names as the policy wants: random letters only, since a generated
        // employee's surname is a number ("No. 382") that random digits once contained
        String changed = "Qz7-" + randomLetters(11) + "-Vm";
        String recovered = "Hx4-" + randomLetters(11) + "-Rk";
        try {
            Browser employee = Browser.withLocalhostAsSecure();
            // each step goes on from the page the last one ended on, as a person does: the browser shows it already,
            // so it is not loaded again (which would read the account from Auth0 again for nothing)
            Page[] shown = new Page[1];
            step(out, "sign-in", employee, () -> {
                Page login = employee.get(portal + "/signin");
                return shown[0] = expect(employee.submit(login, "form", Map.of("username", user, "password", password)),
                        "/account");
            });
            step(out, "sign-in again", employee, () -> {
                Map<String, String> fields = shown[0].hiddenFields("form.signout");
                fields.put("then", "/enrolment");
                Page login = employee.post(portal + "/signin/again", fields);
                // a step-up counts only for a password typed after it began, by the tenant's clock of whole seconds;
                // a person takes that moment to type, a benchmark moves the tenant's clock on (as PortalSteps.stepUp)
                RestAssured.given().contentType("application/json").body("{\"advanceSeconds\":1}")
                        .post(tenant + "test-controls/clock").then().statusCode(204);
                return shown[0] = expect(employee.submit(login, "form", Map.of("username", user, "password", password)),
                        "/enrolment");
            });
            Page[] verify = new Page[1];
            step(out, "enrolment start", employee, () -> {
                return verify[0] = expect(employee.submit(shown[0], "#add-email", Map.of("email", address)),
                        "/enrolment/verify");
            });
            String enrolmentCode = PortalSteps.awaitCode(address, 0);
            step(out, "enrolment confirm", employee,
                    () -> expect(employee.submit(verify[0], "#verify", Map.of("code", enrolmentCode)), "/enrolment"));
            step(out, "password change", employee, () -> {
                Page form = employee.get(portal + "/password/change");
                return expect(employee.submit(form, "#change-password",
                        Map.of("current", password, "password", changed, "confirm", changed)), "/password/changed");
            });
            Browser recovering = Browser.withLocalhostAsSecure();
            Page[] code = new Page[1];
            step(out, "recovery start", recovering, () -> {
                Page form = recovering.get(portal + "/recovery");
                return code[0] = expect(recovering.submit(form, "#recovery-start",
                        Map.of("username", user, "contact", address)), "/recovery/code");
            });
            // sent after the answer: the wait for the mail is the employee's, not a step of the portal
            String recoveryCode = PortalSteps.awaitCode(address, 1);
            Page[] reset = new Page[1];
            step(out, "recovery code", recovering, () -> reset[0] = expect(
                    recovering.submit(code[0], "#recovery-code", Map.of("code", recoveryCode)), "/recovery/reset"));
            step(out, "recovery reset", recovering, () -> {
                Page done = recovering.submit(reset[0], "#recovery-reset", Map.of("password", recovered, "confirm", recovered));
                if (done.status() != 200 || done.document().selectFirst("#recovery-done") == null) {
                    throw new IllegalStateException("the reset answered " + done.status() + " at " + done.uri());
                }
                return done;
            });
        } catch (RuntimeException e) {
            errors.add(user + ": " + e.getMessage());
        }
    }

    private static String randomLetters(int count) {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        StringBuilder letters = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            letters.append((char) ('a' + random.nextInt(26)));
        }
        return letters.toString();
    }

    private void step(java.util.function.Consumer<Sample> out, String name, Browser browser, Callable<Page> action) {
        stepBegins.get().accept(name);
        int from = browser.hops().size();
        long begun = System.nanoTime();
        try {
            action.call();
        } catch (RuntimeException e) {
            throw new IllegalStateException(name + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IllegalStateException(name + ": " + e, e);
        }
        double wall = (System.nanoTime() - begun) / 1e6;
        if (out == null) {
            return; // counting calls, not timing: the portal may not send Server-Timing
        }
        double own = 0;
        int requests = 0;
        double[] request = null;
        List<Hop> hops;
        synchronized (browser.hops()) {
            hops = new ArrayList<>(browser.hops().subList(from, browser.hops().size()));
        }
        for (Hop hop : hops) {
            if (!hop.uri().toString().startsWith(portal)) {
                continue;
            }
            String header = hop.headers().firstValue("Server-Timing")
                    .orElseThrow(() -> new IllegalStateException("no Server-Timing on " + hop.uri()));
            Matcher m = TIMING.matcher(header);
            if (!m.find()) {
                throw new IllegalStateException("unreadable Server-Timing " + header);
            }
            double[] timing = { Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)) };
            own += timing[0];
            requests++;
            if (hop.method().equals("POST") || hop.uri().getPath().equals("/callback")) {
                request = timing; // the last one: the step's own request
            }
        }
        if (request == null) {
            throw new IllegalStateException(name + ": no form posted and no sign-in came back");
        }
        out.accept(new Sample(name, request[0], request[1], own, wall, requests));
    }

    private static Page expect(Page page, String path) {
        if (!page.path().equals(path)) {
            org.jsoup.nodes.Element problem = page.document().selectFirst("#problem");
            throw new IllegalStateException("landed on " + page.uri() + " (" + page.status() + "), not " + path
                    + (problem == null ? "" : ": " + problem.text()));
        }
        return page;
    }

    private Map<String, Long> tenantCalls() {
        Map<String, Object> requests = RestAssured.given().get(tenant + "test-controls/calls").then().statusCode(200)
                .extract().jsonPath().getMap("requests");
        Map<String, Long> calls = new TreeMap<>();
        // Have I Been Pwned's range API, which the local tenant also serves, is not Auth0
        requests.forEach((k, v) -> {
            if (!k.startsWith("GET /range/")) {
                calls.put(k, ((Number) v).longValue());
            }
        });
        return calls;
    }
}
