package dev.selfservice.localtenant;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * Runs an Action's own JavaScript as Auth0's Node runtime would call it: the file is a CommonJS module whose
 * {@code exports.onExecutePostLogin} and {@code exports.onContinuePostLogin} are called with {@code event} and
 * {@code api} and awaited. GraalJS, interpreted on a stock JDK: each run gets a fresh context (no state leaks from one
 * login to the next, as no Action may rely on), without host access, files, network or {@code require}d modules;
 * {@code Date} follows the tenant's clock, so that tests move time for Actions as for the rest of the tenant.
 * <p>
 * Not modelled: Auth0's 20-second limit on an Action's run (a run here ends when its promise settles; one that never
 * settles is a failure), npm modules, and {@code console} output (dropped: it may hold what no log should).
 */
final class ActionRuntime {

    /** An Action that could not be loaded (missing, or not JavaScript): Auth0 refuses to deploy it. */
    static final class LoadError extends Exception {
        LoadError(String message) {
            super(message);
        }
    }

    /** The host side of {@code api} and {@code Date}: each function takes and returns JSON text. */
    interface Host {
        String call(String function, String argumentsJson);

        long nowMillis();
    }

    /** A loaded Action: its name (the file name) and its parsed source. */
    record Script(String name, Source source) {
    }

    /**
     * The module scaffolding and {@code api}: what the Action calls goes to the host as JSON, an error the host
     * answers is thrown in the Action as Auth0's API throws it.
     */
    private static final String PRELUDE = """
            (function (host) {
              const NativeDate = Date;
              class TenantDate extends NativeDate {
                constructor(...args) { if (args.length === 0) { super(host.now()); } else { super(...args); } }
                static now() { return host.now(); }
              }
              globalThis.Date = TenantDate;
              globalThis.module = { exports: {} };
              globalThis.exports = globalThis.module.exports;
              globalThis.require = (name) => { throw new Error('Cannot find module ' + name + ' (the local tenant has no npm modules)'); };
              const call = (fn, args) => {
                const answer = JSON.parse(host.call(fn, JSON.stringify(args === undefined ? {} : args)));
                if (answer.error !== undefined) { throw new Error(answer.error); }
                return answer.value;
              };
              globalThis.__tenant = (eventJson) => {
                const event = JSON.parse(eventJson);
                const api = {
                  redirect: {
                    sendUserTo: (url, options) => { call('sendUserTo', { url: url, query: (options && options.query) || {} }); return api; },
                    encodeToken: (options) => call('encodeToken', options),
                    validateToken: (options) => call('validateToken', options),
                    canRedirect: () => call('canRedirect'),
                  },
                  user: {
                    setAppMetadata: (key, value) => {
                      call('setAppMetadata', { key: key, value: value === undefined ? null : value });
                      event.user.app_metadata[key] = value;
                      return api;
                    },
                    setUserMetadata: (key, value) => {
                      call('setUserMetadata', { key: key, value: value === undefined ? null : value });
                      event.user.user_metadata[key] = value;
                      return api;
                    },
                  },
                  access: { deny: (reason) => { call('deny', { reason: String(reason) }); return api; } },
                };
                return [event, api];
              };
            })
            """;

    private static final Engine ENGINE = Engine.newBuilder("js")
            // a stock JDK runs Truffle interpreted: right for a tenant of tests, and not worth a warning on each start
            .option("engine.WarnInterpreterOnly", "false")
            .out(OutputStream.nullOutputStream()).err(OutputStream.nullOutputStream())
            .build();

    private ActionRuntime() {
    }

    /** Reads and parses an Action's file; a syntax error is refused here, as Auth0 refuses to deploy it. */
    static Script load(String file) throws LoadError {
        Path path = Path.of(file);
        String text;
        try {
            text = Files.readString(path);
        } catch (IOException e) {
            throw new LoadError("The Action " + file + " cannot be read: " + e.getMessage());
        }
        Source source = Source.newBuilder("js", text, path.getFileName().toString()).buildLiteral();
        try (Context js = context()) {
            js.parse(source);
        } catch (PolyglotException e) {
            throw new LoadError("The Action " + file + " does not parse: " + e.getMessage());
        }
        return new Script(path.getFileName().toString(), source);
    }

    /**
     * Calls one handler of the Action and waits for it; an Action without that handler does nothing. Throws
     * {@link ActionFailure} when the Action throws, its promise rejects, or it never settles.
     */
    static void run(Script script, String handler, String eventJson, Host host) throws ActionFailure {
        try (Context js = context()) {
            js.eval(Source.create("js", PRELUDE)).execute(ProxyObject.fromMap(java.util.Map.<String, Object>of(
                    "call", (ProxyExecutable) args -> host.call(args[0].asString(), args[1].asString()),
                    "now", (ProxyExecutable) args -> (double) host.nowMillis())));
            js.eval(script.source());
            Value function = js.getBindings("js").getMember("module").getMember("exports").getMember(handler);
            if (function == null || !function.canExecute()) {
                return;
            }
            Value pair = js.getBindings("js").getMember("__tenant").execute(eventJson);
            Value result = function.execute(pair.getArrayElement(0), pair.getArrayElement(1));
            if (result == null || !result.hasMember("then")) {
                return;
            }
            AtomicReference<String> settled = new AtomicReference<>();
            result.invokeMember("then",
                    (ProxyExecutable) args -> {
                        settled.set("");
                        return null;
                    },
                    (ProxyExecutable) args -> {
                        settled.set(args.length == 0 ? "undefined" : describe(args[0]));
                        return null;
                    });
            // GraalJS runs the promise's jobs before the call above returns: unsettled now is unsettled for good
            if (settled.get() == null) {
                throw new ActionFailure(script.name() + ": " + handler + " never finished");
            }
            if (!settled.get().isEmpty()) {
                throw new ActionFailure(script.name() + ": " + settled.get());
            }
        } catch (PolyglotException e) {
            throw new ActionFailure(script.name() + ": " + e.getMessage());
        }
    }

    /** An Action's error, or what it threw, as Auth0 shows it: its message. */
    private static String describe(Value error) {
        if (error.hasMember("message")) {
            Value message = error.getMember("message");
            return message.isString() ? message.asString() : String.valueOf(message);
        }
        return String.valueOf(error);
    }

    private static Context context() {
        return Context.newBuilder("js").engine(ENGINE).allowHostAccess(HostAccess.NONE).build();
    }

    /** An Action's run that failed: it threw, rejected, or never finished. */
    static final class ActionFailure extends Exception {
        ActionFailure(String message) {
            super(message);
        }
    }
}
