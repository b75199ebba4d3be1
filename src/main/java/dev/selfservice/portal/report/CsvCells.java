package dev.selfservice.portal.report;

import java.util.List;

/**
 * A CSV table (RFC 4180: every cell quoted, quotes doubled, CRLF) safe to open in a spreadsheet: a cell that starts
 * with {@code = + - @}, a tab or a carriage return would be taken for a formula (CSV injection, OWASP), so it is
 * prefixed with an apostrophe. Names and addresses come from AD, which anyone with rights there can fill.
 */
final class CsvCells {

    private CsvCells() {
    }

    static String table(List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        row(out, header);
        rows.forEach(r -> row(out, r));
        return out.toString();
    }

    private static void row(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append('"').append(cell(cells.get(i)).replace("\"", "\"\"")).append('"');
        }
        out.append("\r\n");
    }

    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            return "'" + v;
        }
        return v;
    }
}
