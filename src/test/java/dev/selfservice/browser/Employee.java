package dev.selfservice.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * An employee at a browser: finds things by what a person reads (headings, labels, the words on buttons and links),
 * clicks and types, or, in a keyboard-only walk, reaches each control with Tab and works it with Enter or Space. Every
 * distinct page it reaches with JavaScript on is checked by axe-core; on a failure it leaves a screenshot and the page
 * source under {@code target/browser-failures/}.
 */
final class Employee implements AutoCloseable {

    static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    /** Pages axe has passed in this test run, by window width, path and heading: each is checked once. */
    private static final Set<String> CHECKED = ConcurrentHashMap.newKeySet();

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final Walk walk;
    private final ChromeDriver chrome;
    /** The field typed into last: a page with two forms has two "Send a code" buttons, and a person presses theirs. */
    private WebElement lastField;
    /** The document on which a control was pressed last, until a page is seen: see {@link #sees}. */
    private WebElement pressedOn;
    private String pressed;

    Employee(Walk walk) {
        this(walk, WAIT);
    }

    /** With a time limit of its own for each wait and read: for a test of the helper itself. */
    Employee(Walk walk, Duration wait) {
        this.walk = walk;
        this.reads = new PageReads(wait);
        this.chrome = Chromium.start(walk);
    }

    Walk walk() {
        return walk;
    }

    /** Sets the browser's time zone, as the employee's own computer has it (DevTools' emulation, for this tab). */
    Employee livesIn(String zone) {
        chrome.executeCdpCommand("Emulation.setTimezoneOverride", java.util.Map.of("timezoneId", zone));
        return this;
    }

    void open(String url) {
        chrome.get(url);
        pressedOn = null;
    }

    /** Reads of this browser's pages, each read again while the page is replaced under it. */
    private final PageReads reads;

    /** Waits for the page whose main heading is this, then has axe check it. */
    Employee sees(String heading) {
        // after a press, the page that was shown must have gone first: a result page may have the same heading
        // (a refused form comes back as itself), and reading it before the answer arrives would read the old one
        WebElement before = pressedOn;
        String expected = "the page \"" + heading + "\"" + (before == null ? "" : " after pressing \"" + pressed + "\"");
        reads.until(expected, this::shown, shown -> heading.equals(shown.heading()) && (before == null || gone(before)));
        pressedOn = null;
        checkAccessibility();
        // the portal's own pages: the local tenant's stand-in for Auth0's login page is not the product's
        if (narrowed && reads.read(chrome::getCurrentUrl).startsWith(dev.selfservice.support.LocalTenantUrls.portal())) {
            int sideways = sidewaysScroll();
            assertThat(sideways).as(() -> "px of sideways scrolling on " + reads.read(chrome::getCurrentUrl) + " (\""
                    + heading + "\") at " + reads.read(() -> chrome.manage().window().getSize().getWidth())
                    + " px wide (WCAG 1.4.10: no scrolling in two directions), beyond its right edge: " + tooWide())
                    .isLessThanOrEqualTo(0);
            assertThat(smallTargets()).as(() -> "controls less than 24 px tall on " + reads.read(chrome::getCurrentUrl)
                    + " (\"" + heading + "\"; WCAG 2.5.8, links inside a sentence excepted)").isEmpty();
            assertThat(brokenShortWords()).as(() -> "short words broken across two lines on "
                    + reads.read(chrome::getCurrentUrl) + " (\"" + heading + "\")").isEmpty();
        }
        return this;
    }

    /**
     * The words of at most {@value #SHORT_WORD} letters that the page shows broken across two lines although they
     * would fit one line of their box (the outside walk's "Abmeld/en" at 320 px, a button squeezed by its row): only
     * a word wider than its box may be broken. A compound's parts
     * count as words, since a line may end at its hyphen ("IT-/Helpdesk").
     */
    List<String> brokenShortWords() {
        return reads.read(() -> {
            @SuppressWarnings("unchecked")
            List<String> broken = (List<String>) chrome.executeScript("""
                    var out = [], max = arguments[0];
                    function sides(e) {
                      var s = getComputedStyle(e);
                      return parseFloat(s.paddingLeft) + parseFloat(s.paddingRight)
                          + parseFloat(s.borderLeftWidth) + parseFloat(s.borderRightWidth);
                    }
                    function lineOf(e) {
                      var a = e;
                      while (a.parentElement) {
                        var own = getComputedStyle(a).display, row = getComputedStyle(a.parentElement).display;
                        if (['block', 'list-item', 'flex', 'grid'].indexOf(own) >= 0
                            && row.indexOf('flex') < 0 && row.indexOf('grid') < 0) { break; }
                        a = a.parentElement;
                      }
                      return a.getBoundingClientRect().width - sides(a) - (a === e ? 0 : sides(e));
                    }
                    var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
                      var box = node.parentElement.getBoundingClientRect();
                      if (box.width <= 1) { continue; } // a screen reader's words, hidden from sight ("Error:")
                      var text = node.textContent, re = /[^\\s\u2010-]+[\u2010-]?/g, m;
                      while ((m = re.exec(text)) !== null) {
                        if (m[0].length > max) { continue; }
                        var range = document.createRange();
                        range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
                        var tops = {}, wide = 0;
                        Array.from(range.getClientRects()).forEach(function (r) {
                          if (r.width > 0) { tops[Math.round(r.top)] = 1; wide += r.width; } });
                        // broken although the whole word fits the line its block offers: a box in a row (a button
                        // in the bar, a cell of a grid) is measured by the block the row stands in, since a row
                        // that squeezes a button below one word's width is the fault looked for
                        var line = lineOf(node.parentElement);
                        if (Object.keys(tops).length > 1 && wide <= line) {
                          var p = node.parentElement;
                          out.push(m[0] + ' in <' + p.tagName.toLowerCase() + (p.id ? ' id=' + p.id : '')
                              + (p.className ? ' class=' + p.className : '') + '> ' + Math.round(box.width) + ' px');
                        }
                      }
                    }
                    return out;""", SHORT_WORD);
            return broken;
        });
    }

    private static final int SHORT_WORD = 12;

    /**
     * The buttons, links and disclosures shown on the page that are less than 24 CSS px tall, except a link inside a
     * sentence (WCAG 2.5.8's inline exception: its block says more than the link).
     */
    List<String> smallTargets() {
        return reads.read(() -> {
            @SuppressWarnings("unchecked")
            List<String> small = (List<String>) chrome.executeScript("""
                    var out = [];
                    document.querySelectorAll('a, button, summary, input[type=submit]').forEach(function (e) {
                      var r = e.getBoundingClientRect();
                      if (r.width === 0 || r.height === 0 || r.right <= 0) { return; }
                      var block = e.parentElement;
                      while (block && getComputedStyle(block).display.indexOf('inline') === 0) { block = block.parentElement; }
                      var inSentence = e.tagName === 'A' && block && block.textContent.trim().length > e.textContent.trim().length;
                      if (r.height < 24 && !inSentence) {
                        out.push('<' + e.tagName.toLowerCase() + '> "' + e.textContent.trim().slice(0, 40) + '" ' + Math.round(r.height) + ' px');
                      }
                    });
                    return out;""");
            return small;
        });
    }

    /** The background colour of the element with this id, as computed: {@code rgb(164, 22, 26)}. */
    String colourOf(String id) {
        return reads.read(() -> chrome.findElement(By.id(id)).getCssValue("background-color")).replace("rgba", "rgb")
                .replaceAll(", 1\\)$", ")");
    }

    /** The width of the focus ring a keyboard user sees on the first element that matches, reached with Tab. */
    String focusRingWhenTabbedTo(String cssSelector) {
        WebElement target = reads.read(() -> chrome.findElement(By.cssSelector(cssSelector)));
        tabTo(target);
        return reads.read(() -> (String) chrome.executeScript(
                "var s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth;"));
    }

    /** Whether every page seen from now on must fit the window's width: see {@link #narrowsTo}. */
    private boolean narrowed;

    /**
     * Makes the window this many CSS pixels wide (320: WCAG 1.4.10's reflow width; 195: a 390 px phone at 200 %
     * zoom), and from then on checks that every page it sees fits that width, without scrolling sideways.
     */
    Employee narrowsTo(int width) {
        reads.read(() -> {
            chrome.manage().window().setSize(new org.openqa.selenium.Dimension(width, walk.height()));
            return width;
        });
        narrowed = true;
        return this;
    }

    /** How many CSS pixels the page is wider than the window (0 or less: it fits, and nothing scrolls sideways). */
    int sidewaysScroll() {
        return reads.read(() -> ((Number) chrome.executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;")).intValue());
    }

    /** The elements that reach beyond the window's right edge, innermost first: where a failed reflow check looks. */
    String tooWide() {
        return String.valueOf(reads.read(() -> chrome.executeScript("""
                var out = [];
                document.querySelectorAll('body *').forEach(function (e) {
                  var r = e.getBoundingClientRect();
                  if (r.right > window.innerWidth + 0.5 && !Array.from(e.children).some(function (c) {
                        return c.getBoundingClientRect().right > window.innerWidth + 0.5; })) {
                    out.push('<' + e.tagName.toLowerCase() + (e.id ? ' id=' + e.id : '') + (e.className ? ' class=' + e.className : '')
                        + '> ' + Math.round(r.right) + ' px: ' + (e.textContent || '').trim().slice(0, 40));
                  }
                });
                return out.slice(0, 8).join('; ');""")));
    }

    /** Adds a style sheet to the page as it is shown: for a control that a check notices what the page's own prevents. */
    void addsStyle(String css) {
        // into the page's own sheet: the Content-Security-Policy refuses a <style> element, not the CSS object model
        reads.read(() -> chrome.executeScript("var sheet = document.styleSheets[0];"
                + " sheet.insertRule(arguments[0], sheet.cssRules.length); return document.documentElement.scrollWidth;", css));
    }

    /** Whether the document this element belonged to has been replaced. */
    private static boolean gone(WebElement element) {
        try {
            element.getTagName();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        }
    }

    /** What the page shows at one moment: where it is, its main heading and the start of its text. */
    private record Shown(String url, String heading, String text) {
        @Override
        public String toString() {
            return url + " showing \"" + heading + "\": " + text;
        }
    }

    private Shown shown() {
        // between two documents there may be no body yet: that is what the page shows at that moment
        String text = chrome.findElements(By.tagName("body")).stream().map(WebElement::getText).findFirst()
                .orElse("(no page body yet)");
        return new Shown(chrome.getCurrentUrl(), heading(), text.length() > 600 ? text.substring(0, 600) + "…" : text);
    }

    String mainHeading() {
        return reads.read(this::heading);
    }

    private String heading() {
        List<WebElement> h1 = chrome.findElements(By.tagName("h1"));
        return h1.isEmpty() ? "" : h1.get(0).getText().trim();
    }

    /** The text of an element once the page's script has settled it (not empty and not one of {@code passing}). */
    String settledTextOf(String id, String... passing) {
        Set<String> skip = Set.of(passing);
        return reads.until("a settled text in #" + id, () -> chrome.findElements(By.id(id)).stream()
                .map(e -> e.getText().trim()).findFirst().orElse(""), text -> !text.isEmpty() && !skip.contains(text));
    }

    /** The page's title, as the browser tab and a screen reader announce it. */
    String title() {
        return reads.read(chrome::getTitle);
    }

    /** The id of the element that has the focus. */
    String focusedId() {
        return reads.read(() -> chrome.switchTo().activeElement().getAttribute("id"));
    }

    /** What the page says, as a person reads it. */
    String bodyText() {
        return reads.read(() -> chrome.findElement(By.tagName("body")).getText());
    }

    String path() {
        return URI.create(reads.read(chrome::getCurrentUrl)).getPath();
    }

    String origin() {
        URI uri = URI.create(reads.read(chrome::getCurrentUrl));
        return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
    }

    /** The browser's Back button: the page before this one in the tab's history. */
    Employee goesBack() {
        WebElement document = reads.read(() -> chrome.findElement(By.tagName("html")));
        chrome.navigate().back();
        pressedOn = document;
        pressed = "Back";
        return this;
    }

    /**
     * How the browser reached the document it shows, as the page's Navigation Timing entry says: {@code navigate},
     * {@code reload} or {@code back_forward}; null for a page the browser made itself (its "Confirm Form Resubmission"
     * error page has no entry of the portal's).
     */
    String navigationType() {
        return reads.read(() -> (String) chrome.executeScript(
                "var e = performance.getEntriesByType('navigation'); return e.length ? e[0].type : null;"));
    }

    /** Types into the field with this label, replacing what it held. */
    Employee types(String label, String value) {
        reads.read(() -> {
            WebElement field = field(label);
            lastField = field;
            if (walk.keyboardOnly()) {
                tabTo(field);
                WebElement active = chrome.switchTo().activeElement();
                active.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
                active.sendKeys(value);
            } else {
                field.clear();
                field.sendKeys(value);
            }
            return field;
        });
        return this;
    }

    /** The value a field holds now. */
    String valueOf(String label) {
        return reads.read(() -> field(label).getDomProperty("value"));
    }

    /** Presses the button or follows the link whose words are these. */
    Employee chooses(String words) {
        for (int attempt = 1; ; attempt++) {
            WebElement target = reads.read(() -> control(words));
            WebElement document = reads.read(() -> chrome.findElement(By.tagName("html")));
            try {
                press(target);
            } catch (StaleElementReferenceException e) {
                if (attempt == 3) {
                    throw e;
                }
                continue; // the control was replaced before the press reached it: find it again and press that
            } catch (WebDriverException e) {
                if (!PageReads.replacedUnderTheRead(e)) {
                    throw e;
                }
                // the press was made and its page began to replace this one under the driver: what a press does
            }
            pressedOn = document;
            pressed = words;
            return this;
        }
    }

    private void press(WebElement target) {
        if (walk.keyboardOnly()) {
            tabTo(target);
            boolean link = "a".equalsIgnoreCase(target.getTagName());
            chrome.switchTo().activeElement().sendKeys(link ? Keys.ENTER : Keys.SPACE);
        } else {
            target.click();
        }
    }

    /**
     * The space between two controls as the page lays them out, in CSS pixels: below one another or side by side; 0
     * when they touch or overlap (a thumb meant for one presses the other).
     */
    int gapBetween(String first, String second) {
        return reads.read(() -> {
            org.openqa.selenium.Rectangle a = control(first).getRect();
            org.openqa.selenium.Rectangle b = control(second).getRect();
            int vertical = Math.max(b.getY() - (a.getY() + a.getHeight()), a.getY() - (b.getY() + b.getHeight()));
            int horizontal = Math.max(b.getX() - (a.getX() + a.getWidth()), a.getX() - (b.getX() + b.getWidth()));
            return Math.max(0, Math.max(vertical, horizontal));
        });
    }

    /** Text of the element with this id: for what a page shows in one place (the strength hint, a notice). */
    String textOf(String id) {
        return reads.read(() -> chrome.findElement(By.id(id)).getText());
    }

    /** An attribute of the element with this id, or null when it has none. */
    String attributeOf(String id, String attribute) {
        return reads.read(() -> chrome.findElement(By.id(id)).getDomAttribute(attribute));
    }

    /** Where the top of the element with this id is, in CSS pixels from the top of the document. */
    double topOf(String id) {
        return reads.read(() -> ((Number) chrome.executeScript(
                "var r = document.getElementById(arguments[0]).getBoundingClientRect(); return r.top + window.scrollY;",
                id)).doubleValue());
    }

    /** The element with this id as the screen shows it: for what only its pixels tell (a meter's colour). */
    java.awt.image.BufferedImage pixelsOf(String id) {
        byte[] png = reads.read(() -> chrome.findElement(By.id(id)).getScreenshotAs(OutputType.BYTES));
        try {
            return javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private WebElement field(String label) {
        List<WebElement> labels = chrome.findElements(By.tagName("label")).stream()
                .filter(l -> l.getText().trim().equals(label)).toList();
        if (labels.isEmpty()) {
            throw new AssertionError("no field labelled \"" + label + "\" on " + chrome.getCurrentUrl() + ": " + bodyText());
        }
        return chrome.findElement(By.id(labels.get(0).getDomAttribute("for")));
    }

    /** A control is chosen by its visible words or by the name a screen reader announces (its aria-label). */
    private static boolean names(WebElement control, String words) {
        return control.getText().trim().equals(words) || words.equals(control.getAttribute("aria-label"));
    }

    /** Whether the page offers a button or link by these words (visible, or its accessible name). */
    boolean offers(String words) {
        return reads.read(() -> chrome.findElements(By.cssSelector("a, button, input[type=submit]")).stream()
                .filter(WebElement::isDisplayed).anyMatch(e -> names(e, words)));
    }

    private WebElement control(String words) {
        List<WebElement> found = chrome.findElements(By.cssSelector("a, button, input[type=submit]")).stream()
                .filter(WebElement::isDisplayed)
                .filter(e -> names(e, words)).toList();
        if (found.isEmpty()) {
            String offered = chrome.findElements(By.cssSelector("a, button")).stream().filter(WebElement::isDisplayed)
                    .map(e -> "\"" + e.getText().trim() + "\"").collect(Collectors.joining(", "));
            throw new AssertionError("no button or link \"" + words + "\" on " + chrome.getCurrentUrl() + "; it offers " + offered);
        }
        if (found.size() > 1 && lastField != null) {
            try {
                WebElement form = lastField.findElement(By.xpath("./ancestor::form"));
                for (WebElement candidate : found) {
                    if (!candidate.findElements(By.xpath("./ancestor::form")).isEmpty()
                            && candidate.findElement(By.xpath("./ancestor::form")).equals(form)) {
                        return candidate;
                    }
                }
            } catch (WebDriverException e) {
                if (!(e instanceof NoSuchElementException) && !PageReads.replacedUnderTheRead(e)) {
                    throw e;
                }
                // the field was on an earlier page: the first match is the one a person sees first
            }
        }
        return found.get(0);
    }

    /** Moves the focus with Tab until it reaches the element, as a keyboard user does: fails if it never does. */
    private void tabTo(WebElement target) {
        Actions keys = new Actions(chrome);
        for (int i = 0; i < 80; i++) {
            if (reads.read(() -> chrome.switchTo().activeElement().equals(target))) {
                return;
            }
            keys.sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError("Tab never reached " + describe(target) + " on " + chrome.getCurrentUrl());
    }

    private static String describe(WebElement e) {
        return "<" + e.getTagName() + " id=" + e.getDomAttribute("id") + "> \"" + e.getText().trim() + "\"";
    }

    /** axe-core on this page, once per window width, path and heading: no violation of WCAG 2.2 A and AA. */
    private void checkAccessibility() {
        if (!walk.javaScript()) {
            return; // axe runs as a script in the page; the walks with JavaScript on check every page this one reaches
        }
        String page = walk.width() + " " + path() + " " + mainHeading();
        String url = reads.read(chrome::getCurrentUrl);
        if (CHECKED.contains(page)) {
            return;
        }
        // legacy mode: the pages have no frames, so axe need not open a blank window of its own to check them
        Results results = reads.read(() -> new AxeBuilder().withTags(WCAG_TAGS).setLegacyMode(true).analyze(chrome));
        if (results.isErrored()) {
            throw new AssertionError("axe could not check " + url + ": " + results.getErrorMessage());
        }
        List<Rule> violations = results.getViolations();
        assertThat(violations).as(() -> "axe violations on " + url + " (\"" + page + "\", "
                + walk.width() + "px wide): " + violations.stream()
                        .map(v -> v.getId() + " [" + v.getImpact() + "] " + v.getHelp() + " at "
                                + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(" ")))
                        .collect(Collectors.joining("; ")))
                .isEmpty();
        CHECKED.add(page);
    }

    /** Leaves a screenshot and the page source under target/browser-failures, named after the test. */
    void leaveEvidence(String testName) {
        try {
            Path dir = Files.createDirectories(Path.of("target/browser-failures"));
            String name = testName.replaceAll("[^A-Za-z0-9._-]+", "_");
            Files.write(dir.resolve(name + ".png"), chrome.getScreenshotAs(OutputType.BYTES));
            Files.writeString(dir.resolve(name + ".html"), "<!-- " + chrome.getCurrentUrl() + " -->\n" + chrome.getPageSource(),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            System.err.println("[browser] no evidence could be saved for " + testName + ": " + e);
        }
    }

    /** Reads the newest code sent to an address on the local tenant's outbox page, in a tab of its own. */
    String readsCodeInOutbox(String outboxUrl, String address) {
        String portalTab = chrome.getWindowHandle();
        chrome.switchTo().newWindow(WindowType.TAB);
        try {
            open(outboxUrl);
            sees("Outbox");
            Optional<String> code = reads.read(() -> {
                for (WebElement row : chrome.findElements(By.cssSelector("tbody tr:not(.notice)"))) {
                    List<WebElement> cells = row.findElements(By.tagName("td"));
                    if (cells.get(2).getText().trim().equals(address)) {
                        return Optional.of(cells.get(3).getText().trim());
                    }
                }
                return Optional.<String>empty();
            });
            return code.orElseThrow(() -> new AssertionError("the outbox shows no message to " + address + ": " + bodyText()));
        } finally {
            chrome.close();
            chrome.switchTo().window(portalTab);
        }
    }

    @Override
    public void close() {
        chrome.quit();
    }
}
