package dev.selfservice.portal.web;

/**
 * What a page says went wrong, and the field it is about (its element id), for the error summary at the top of the
 * page and the field's {@code aria-invalid} / {@code aria-describedby} (the GOV.UK pattern). {@link #NONE} when all is
 * well, so that templates never meet a null.
 */
public record Problem(String text, String field) {

    public static final Problem NONE = new Problem(null, null);

    public boolean present() {
        return text != null;
    }

    /** Whether the problem is about this field: the template marks it invalid and points it at the summary. */
    public boolean is(String fieldId) {
        return fieldId.equals(field);
    }
}
