package dev.selfservice.portal.web;

import java.util.List;
import java.util.Objects;

import io.quarkus.qute.TemplateData;

/**
 * What a page says went wrong, each error with the field it is about (its element id), for the GOV.UK pattern: the
 * error summary at the top of the page lists every error, each linking to its field, and each field shows its own
 * message beside it ({@code <id>-error}), is marked {@code aria-invalid} and names that message in
 * {@code aria-describedby} (the {@code field} and {@code fieldState} tags). {@link #NONE} when all is well, so that
 * templates never meet a null.
 */
@TemplateData // read by the shared tags too, whose expressions are not type-checked: no reflection in a native image
public record Problem(List<FieldError> errors) {

    /**
     * One error: its words, and the id of the field it is about, or null for an error about no one field; and, for a
     * wait, the clock time it names ({@code time}, else null), which the page marks up so that a script can add the
     * employee's own time to the UTC one.
     */
    @TemplateData
    public record FieldError(String field, String text, Timed time) {

        public FieldError(String field, String text) {
            this(field, text, null);
        }
    }

    /**
     * Words around a clock time: {@code before + utc + after} is the whole text; {@code datetime} is the instant in
     * ISO-8601, for a {@code <time>} element.
     */
    @TemplateData
    public record Timed(String before, String datetime, String utc, String after) {
    }

    public static final Problem NONE = new Problem(List.of());

    public Problem {
        errors = List.copyOf(errors);
    }

    /** One error about one field (or none, when {@code field} is null). */
    public Problem(String text, String field) {
        this(List.of(new FieldError(field, text)));
    }

    public boolean present() {
        return !errors.isEmpty();
    }

    /** Whether an error names a clock time: the page then brings the script that adds the employee's own time. */
    public boolean timed() {
        return errors.stream().anyMatch(e -> e.time() != null);
    }

    /** The error about this field (the first, should there be two), or null. */
    public FieldError errorFor(String fieldId) {
        return errors.stream().filter(e -> Objects.equals(fieldId, e.field())).findFirst().orElse(null);
    }

    /** Whether an error is about this field: the page marks it invalid and shows the error beside it. */
    public boolean is(String fieldId) {
        return errors.stream().anyMatch(e -> Objects.equals(fieldId, e.field()));
    }

    /** The words of the error about this field (the first, should there be two), or an empty string. */
    public String textFor(String fieldId) {
        return errors.stream().filter(e -> Objects.equals(fieldId, e.field())).map(FieldError::text).findFirst()
                .orElse("");
    }

    /** The same errors, each about this field: for a refusal about what was typed in whichever field posted it. */
    public Problem about(String fieldId) {
        return new Problem(errors.stream().map(e -> new FieldError(fieldId, e.text(), e.time())).toList());
    }

    /**
     * The field's {@code aria-describedby}: its own descriptions ({@code others}, ids separated by spaces, may be
     * empty), then its error message if it has one. Empty when there is nothing to name.
     */
    public String describedBy(String fieldId, String others) {
        String own = others == null ? "" : others.trim();
        if (!is(fieldId)) {
            return own;
        }
        return (own.isEmpty() ? "" : own + " ") + fieldId + "-error";
    }
}
