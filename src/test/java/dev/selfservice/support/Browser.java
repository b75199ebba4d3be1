package dev.selfservice.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a browser does with the portal and the tenant, over real HTTP: keeps cookies, follows redirects (a POST
 * answered with 302/303 continues as a GET), and submits HTML forms with their hidden fields. Every URL it visited is
 * kept, so tests can see the way a flow took.
 */
public class Browser {

    /** A page the browser ended on. */
    /** One request the browser made and its answer's status and headers, redirects included. */
    public record Hop(String method, URI uri, int status, java.net.http.HttpHeaders headers) {
    }

    public record Page(int status, URI uri, String body, Map<String, List<String>> headers) {
        public Document document() {
            return Jsoup.parse(body, uri.toString());
        }

        public String path() {
            return uri.getPath();
        }

        /** The hidden fields of a form on the page (its CSRF token and session value among them). */
        public Map<String, String> hiddenFields(String formSelector) {
            Map<String, String> fields = new LinkedHashMap<>();
            document().select(formSelector + " input[type=hidden]").forEach(i -> fields.put(i.attr("name"), i.attr("value")));
            return fields;
        }

        public String text(String cssSelector) {
            Element e = document().selectFirst(cssSelector);
            return e == null ? null : e.text();
        }
    }

    private final CookieManager cookies;
    private final HttpClient http;

    public Browser() {
        this(new CookieManager(null, CookiePolicy.ACCEPT_ALL));
    }

    private Browser(CookieManager cookies) {
        this.cookies = cookies;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /**
     * A browser that, as Chromium and Firefox do, counts http://localhost as a secure context: it keeps and sends the
     * {@code Secure} cookies a production build sets (the JDK's cookie store sends them over https only). For the
     * packaged application on loopback, which has no TLS in front of it here.
     */
    public static Browser withLocalhostAsSecure() {
        Browser browser = new Browser(localhostSecureJar());
        browser.localhostSecure = true;
        return browser;
    }

    private static CookieManager localhostSecureJar() {
        return new CookieManager(null, CookiePolicy.ACCEPT_ALL) {
            @Override
            public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
                return super.get(secureIfLocal(uri), requestHeaders);
            }

            @Override
            public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
                super.put(secureIfLocal(uri), responseHeaders);
            }
        };
    }

    /** Whether this browser keeps and sends Secure cookies over http://localhost (its copies do too). */
    private boolean localhostSecure;

    private static URI secureIfLocal(URI uri) {
        if (!"http".equals(uri.getScheme()) || !"localhost".equals(uri.getHost())) {
            return uri;
        }
        // the same host and path with https; the port is left out, as cookies do not tell ports apart
        return URI.create("https://localhost" + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }
    // synchronized: tests fire one browser's requests in parallel, as a double click does
    private final List<URI> visited = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<Hop> hops = java.util.Collections.synchronizedList(new ArrayList<>());
    private String stopAt;

    /**
     * Makes the browser stop before following a redirect to a URL with this prefix, as an application's callback:
     * the page returned then has status 302 and the redirect's URL, so a test can play the application itself.
     */
    public Browser stoppingAt(String urlPrefix) {
        this.stopAt = urlPrefix;
        return this;
    }

    public List<URI> visited() {
        return visited;
    }

    /** Every request so far, in order, with its answer's headers (for what a redirect said, too). */
    public List<Hop> hops() {
        return hops;
    }

    public CookieManager cookies() {
        return cookies;
    }

    /**
     * {@code n} browsers holding this one's cookies as they are now, each with a jar of its own: for requests that an
     * attacker (or a double click) sends all with the same cookies. One shared jar would send a later request with
     * whatever an earlier answer set or cleared, so the requests' cookies would depend on which answer came first.
     */
    public List<Browser> copies(int n) {
        List<Browser> copies = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            CookieManager jar = localhostSecure ? localhostSecureJar() : new CookieManager(null, CookiePolicy.ACCEPT_ALL);
            for (URI uri : cookies.getCookieStore().getURIs()) {
                cookies.getCookieStore().get(uri).forEach(c -> jar.getCookieStore().add(uri, c));
            }
            Browser copy = new Browser(jar);
            copy.stopAt = stopAt;
            copy.localhostSecure = localhostSecure;
            copies.add(copy);
        }
        return copies;
    }

    /** The value of this browser's cookie {@code name}. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no cookie " + name)).getValue();
    }

    /**
     * Gives this browser's cookie {@code name} another value, keeping its path and domain (a stale or altered value,
     * as a browser could send). Only this browser's jar changes: its {@link #copies} share the cookies' objects.
     */
    public void replaceCookie(String name, String value) {
        java.net.CookieStore store = cookies.getCookieStore();
        for (URI uri : store.getURIs()) {
            for (java.net.HttpCookie c : store.get(uri)) {
                if (c.getName().equals(name)) {
                    java.net.HttpCookie replaced = (java.net.HttpCookie) c.clone();
                    replaced.setValue(value);
                    store.remove(uri, c);
                    store.add(uri, replaced);
                }
            }
        }
    }

    /** Drops this browser's cookie {@code name}, as the browser drops one that ended. */
    public void dropCookie(String name) {
        java.net.CookieStore store = cookies.getCookieStore();
        for (URI uri : store.getURIs()) {
            store.get(uri).stream().filter(c -> c.getName().equals(name)).toList().forEach(c -> store.remove(uri, c));
        }
    }

    public Page get(String url) {
        return follow(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /** Fills the form matched by the selector on the page and submits it as the browser would. */
    public Page submit(Page page, String formSelector, Map<String, String> fields) {
        return submitTo(null, page, formSelector, fields);
    }

    /**
     * Submits the form to another origin serving the same paths (another replica behind a load balancer), or to the
     * page's own when {@code origin} is null.
     */
    public Page submitTo(String origin, Page page, String formSelector, Map<String, String> fields) {
        Element form = page.document().selectFirst(formSelector);
        if (form == null) {
            throw new AssertionError("no form " + formSelector + " on " + page.uri() + ":\n" + page.body());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Element input : form.select("input[name]")) {
            values.put(input.attr("name"), input.attr("value"));
        }
        values.putAll(fields);
        URI action = page.uri().resolve(form.attr("action").isEmpty() ? page.uri().toString() : form.attr("action"));
        return post(origin == null ? action.toString() : origin + action.getRawPath(), values);
    }

    public Page post(String url, Map<String, String> fields) {
        StringJoiner body = new StringJoiner("&");
        fields.forEach((k, v) -> body.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return follow(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private Page follow(HttpRequest.Builder request) {
        try {
            for (int hop = 0; hop < 20; hop++) {
                HttpRequest r = request.timeout(Duration.ofSeconds(20)).build();
                visited.add(r.uri());
                HttpResponse<String> response = http.send(r, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                hops.add(new Hop(r.method(), r.uri(), status, response.headers()));
                if (status == 301 || status == 302 || status == 303 || status == 307) {
                    URI next = r.uri().resolve(response.headers().firstValue("Location").orElseThrow());
                    if (stopAt != null && next.toString().startsWith(stopAt)) {
                        return new Page(status, next, "", response.headers().map());
                    }
                    request = HttpRequest.newBuilder(next).GET();
                    continue;
                }
                return new Page(status, r.uri(), response.body(), response.headers().map());
            }
            throw new AssertionError("too many redirects: " + visited);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
