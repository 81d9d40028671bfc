package dev.scimsync.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportTest {

    private final String html = new HtmlReport().render(ReportPages.sample());

    @Test
    void showsTheCountsTheChartAndTheFailuresFirst() {
        assertThat(html).contains("exit 1: finished, some rows or operations failed")
                .contains("<td class=\"n\">1207</td>", "<td class=\"n\">6562</td>", "<svg id=\"chart\"")
                .contains("and 44 more: see results.csv");
        assertThat(html.indexOf("id=\"failures\"")).isLessThan(html.indexOf("id=\"drift\""));
        assertThat(html.indexOf("id=\"drift\"")).isLessThan(html.indexOf("id=\"blocked\""));
    }

    @ParameterizedTest
    @CsvSource({"4, 'aborted (the error rate guard stopped the run)'", "5, input rejected before any write"})
    void aRunThatStoppedSaysWhatStoppedItAndNeverThatEveryRowWasApplied(int exitCode, String outcome) {
        String stopped = new HtmlReport().render(ReportPages.sample(exitCode, outcome, "users.csv line 3: what stopped it",
                false));

        assertThat(stopped).contains("exit " + exitCode + ": " + outcome).contains("users.csv line 3: what stopped it")
                .contains("the run stopped before it finished").doesNotContain("every row was applied");
    }

    @Test
    void aFinishedRunWithNothingToFixSaysEveryRowWasApplied() {
        assertThat(new HtmlReport().render(ReportPages.sample(0, "all in sync", null, false)))
                .contains("every row was applied").doesNotContain("stopped before it finished");
    }

    @Test
    void escapesEverythingThatCameFromAnInputOrTheTarget() {
        assertThat(html).contains("&lt;img src=x onerror=alert(1)&gt;@example.com", "nightly &lt;hr&gt;",
                "&lt;script&gt;alert(2)&lt;/script&gt;")
                .doesNotContain("<img", "<hr", "<script");
    }

    @Test
    void loadsNothingFromAnywhere() {
        assertThat(html).doesNotContain("://", "src=\"", "href=", "@import", "url(")
                .contains("Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"");
    }
}
