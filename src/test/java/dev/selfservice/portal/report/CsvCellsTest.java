package dev.selfservice.portal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The CSV of the report is safe in a spreadsheet: no cell is taken for a formula, every cell is quoted. */
class CsvCellsTest {

    @Test
    void cellsThatASpreadsheetWouldTakeForAFormulaStartWithAnApostrophe() {
        for (String formula : List.of("=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx")) {
            assertThat(CsvCells.cell(formula)).as(formula).isEqualTo("'" + formula);
        }
        // the controls: ordinary values stay as they are, a dash inside a name too
        assertThat(CsvCells.cell("Anne-Marie O'Neil")).isEqualTo("Anne-Marie O'Neil");
        assertThat(CsvCells.cell("jdoe@corp.example")).isEqualTo("jdoe@corp.example");
    }

    @Test
    void everyCellIsQuotedWithItsQuotesDoubledAndRowsEndInCrLf() {
        String csv = CsvCells.table(List.of("username", "name"), List.of(List.of("jdoe", "John \"JD\", Doe")));
        assertThat(csv).isEqualTo("\"username\",\"name\"\r\n\"jdoe\",\"John \"\"JD\"\", Doe\"\r\n");
    }
}
