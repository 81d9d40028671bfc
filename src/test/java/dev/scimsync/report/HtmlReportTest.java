package dev.scimsync.report;

import org.junit.jupiter.api.Test;

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
