package dev.selfservice.localtenant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Universal Login page template, as Auth0 takes one ({@code PUT /api/v2/branding/templates/universal-login}): Liquid
 * around the prompt, which must hold {@code auth0:head} and {@code auth0:widget}. The tenant renders its login prompt
 * inside the same file a real tenant is given ({@code deploy/auth0/universal-login.liquid}), so that a template that
 * breaks fails a test rather than a real sign-in page.
 * <p>
 * Only the Liquid such a template needs is read: {@code {{ variable }}} (HTML-escaped), the two Auth0 tags, and
 * {@code {% if a == "x" or b == "y" %}...{% else %}...{% endif %}}, nested. Anything else is refused when the template
 * is read, so that a template using more never renders here differently from Auth0. Written by hand because a Liquid
 * library (liqp) would be one more dependency on the classpath for three constructs, and the local tenant ships in no
 * production artifact anyway.
 */
final class LoginPageTemplate {

    /** Auth0's default page: the prompt alone. */
    static final String DEFAULT = """
            <!DOCTYPE html>
            <html lang="{{locale}}">
            <head>{%- auth0:head -%}</head>
            <body>{%- auth0:widget -%}</body>
            </html>
            """;

    private static final Pattern TOKEN = Pattern.compile("\\{\\{-?\\s*([a-z_][a-z0-9_.-]*)\\s*-?}}|\\{%-?\\s*(.*?)\\s*-?%}",
            Pattern.DOTALL);
    private static final Pattern CONDITION = Pattern.compile("([a-z_][a-z0-9_.-]*)\\s*==\\s*\"([^\"]*)\"");

    /** What the template renders: a piece of text, a variable, a tag, or a condition with its two branches. */
    private sealed interface Node {
    }

    private record Text(String text) implements Node {
    }

    private record Variable(String name) implements Node {
    }

    private record Tag(String name) implements Node {
    }

    private record If(List<String[]> anyOf, List<Node> then, List<Node> otherwise) implements Node {
    }

    private final List<Node> nodes;

    private LoginPageTemplate(List<Node> nodes) {
        this.nodes = nodes;
    }

    /** Reads a template; refused (IllegalArgumentException) as Auth0 would refuse it, or as this tenant cannot read it. */
    static LoginPageTemplate parse(String source) {
        if (!source.matches("(?s).*\\{%-?\\s*auth0:head\\s*-?%}.*") || !source.matches("(?s).*\\{%-?\\s*auth0:widget\\s*-?%}.*")) {
            throw new IllegalArgumentException("a page template must contain the auth0:head and auth0:widget tags");
        }
        List<List<Node>> open = new ArrayList<>();
        List<If> ifs = new ArrayList<>();
        List<Node> current = new ArrayList<>();
        List<Node> top = current;
        Matcher m = TOKEN.matcher(source);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                current.add(new Text(source.substring(at, m.start())));
            }
            at = m.end();
            if (m.group(1) != null) {
                current.add(new Variable(m.group(1)));
                continue;
            }
            String tag = m.group(2).trim();
            if (tag.equals("auth0:head") || tag.equals("auth0:widget")) {
                current.add(new Tag(tag));
            } else if (tag.startsWith("if ")) {
                List<String[]> anyOf = new ArrayList<>();
                for (String part : tag.substring(3).split("\\s+or\\s+")) {
                    Matcher c = CONDITION.matcher(part.trim());
                    if (!c.matches()) {
                        throw new IllegalArgumentException("unsupported condition: " + part);
                    }
                    anyOf.add(new String[] { c.group(1), c.group(2) });
                }
                If node = new If(anyOf, new ArrayList<>(), new ArrayList<>());
                current.add(node);
                open.add(current);
                ifs.add(node);
                current = node.then();
            } else if (tag.equals("else") && !ifs.isEmpty() && current == ifs.get(ifs.size() - 1).then()) {
                current = ifs.get(ifs.size() - 1).otherwise();
            } else if (tag.equals("endif") && !ifs.isEmpty()) {
                ifs.remove(ifs.size() - 1);
                current = open.remove(open.size() - 1);
            } else {
                throw new IllegalArgumentException("unsupported Liquid tag: " + tag);
            }
        }
        if (!ifs.isEmpty()) {
            throw new IllegalArgumentException("an if without its endif");
        }
        if (at < source.length()) {
            current.add(new Text(source.substring(at)));
        }
        return new LoginPageTemplate(top);
    }

    /**
     * The template in this file with the portal's address put in, as {@code deploy/auth0/install-login-page.sh} puts
     * it in for a real tenant; Auth0's default page when there is no such file. A file that is there but that Auth0
     * (or this reading of it) would refuse stops the tenant's start.
     */
    static LoginPageTemplate fromFile(String file, String portalUrl) {
        java.nio.file.Path path = java.nio.file.Path.of(file);
        if (!java.nio.file.Files.isRegularFile(path)) {
            org.jboss.logging.Logger.getLogger(LoginPageTemplate.class).infof("local tenant: no login page template at %s: the login prompt alone", file);
            return parse(DEFAULT);
        }
        try {
            return parse(java.nio.file.Files.readString(path).replace(PORTAL_URL_PLACEHOLDER, portalUrl));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("the login page template " + file + " cannot be read", e);
        }
    }

    /** Where a page template names the portal: replaced when it is installed. */
    static final String PORTAL_URL_PLACEHOLDER = "PORTAL_BASE_URL";

    /** The page: the template with these variables, the prompt's head and the prompt itself. */
    String render(Map<String, String> variables, String head, String widget) {
        StringBuilder out = new StringBuilder();
        render(nodes, variables, head, widget, out);
        return out.toString();
    }

    private static void render(List<Node> nodes, Map<String, String> variables, String head, String widget,
            StringBuilder out) {
        for (Node node : nodes) {
            if (node instanceof Text t) {
                out.append(t.text());
            } else if (node instanceof Variable v) {
                out.append(escape(variables.getOrDefault(v.name(), "")));
            } else if (node instanceof Tag t) {
                out.append(t.name().equals("auth0:head") ? head : widget);
            } else if (node instanceof If i) {
                boolean holds = i.anyOf().stream().anyMatch(c -> c[1].equals(variables.get(c[0])));
                render(holds ? i.then() : i.otherwise(), variables, head, widget, out);
            }
        }
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
