package dev.scimsync.report;

import dev.scimsync.plan.OpKind;
import dev.scimsync.plan.OpState;
import dev.scimsync.plan.PlannedOp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

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
    void aPlanLinksOnlyToTheCsvFilesBesideThePageAndStillLoadsNothing(@TempDir Path dir) {
        String plan = new HtmlReport().render(ReportPages.plan(ReportPages.planWithRemovals(), dir));

        List<String> links = Pattern.compile("href=\"([^\"]*)\"").matcher(plan).results().map(m -> m.group(1))
                .toList();
        assertThat(links).hasSize(Changes.Group.values().length)
                .allSatisfy(link -> assertThat(link).matches("changes-[a-z-]+\\.csv"))
                .allSatisfy(link -> assertThat(dir.resolve(link)).isRegularFile());
        assertThat(plan).doesNotContain("://", "src=\"", "@import", "url(")
                .contains("Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"");
    }

    @Test
    void eachGroupStopsAtFiveHundredLinesAndSaysHowManyMoreItsCsvHas(@TempDir Path dir) throws IOException {
        for (int n : List.of(FirstLines.LIMIT - 1, FirstLines.LIMIT, FirstLines.LIMIT + 1, 1234)) {
            List<PlannedOp> ops = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ops.add(PlannedOp.pending("r", i, OpKind.DEACTIVATE_USER, "u" + i + "@example.com", "users", null,
                        "id" + i, "active; org_role=member", "inactive; org_role=member", "{}"));
            }
            Path out = Files.createDirectories(dir.resolve("n" + n));
            String page = new HtmlReport().render(ReportPages.plan(ops, out));

            String removals = page.substring(page.indexOf("id=\"changes-removals\""),
                    page.indexOf("id=\"changes-demotions\""));
            assertThat(removals).contains("<span class=\"count\">" + n + "</span>");
            assertThat(Pattern.compile("<td>deactivate</td>").matcher(removals).results().count())
                    .isEqualTo(Math.min(n, FirstLines.LIMIT));
            if (n > FirstLines.LIMIT) {
                assertThat(removals).contains("and " + (n - FirstLines.LIMIT) + " more: see changes-removals.csv");
            } else {
                assertThat(removals).doesNotContain(" more: see");
            }
            assertThat(Files.readAllLines(out.resolve("changes-removals.csv"))).hasSize(n + 1);
        }
    }

    /** Every state an operation can end in: a sync's page shows what was applied, a plan's what is pending. */
    @Test
    void aSyncShowsTheChangesItAppliedAndAPlanTheOnesItProposes(@TempDir Path dir) throws IOException {
        List<PlannedOp> ops = new ArrayList<>();
        int seq = 0;
        for (OpState state : OpState.values()) {
            ops.add(new PlannedOp("r", seq++, OpKind.CREATE_USER, state.name().toLowerCase() + "@example.com", "users",
                    (long) seq + 1, null, "", "active; org_role=member", "{}", state, null, null, null, null, 0));
        }
        for (boolean planOnly : List.of(true, false)) {
            Path out = Files.createDirectories(dir.resolve(planOnly ? "plan" : "sync"));
            List<ReportPage.ChangeGroup> groups = Changes.write(ops::forEach, out, planOnly).groups();
            ReportPage.ChangeGroup creates = groups.stream().filter(g -> g.id().equals("creates")).findFirst()
                    .orElseThrow();

            assertThat(creates.lines()).extracting(ReportPage.Change::key)
                    .containsExactly(planOnly ? "pending@example.com" : "done@example.com");
            assertThat(Files.readAllLines(out.resolve("changes-creates.csv"))).hasSize(2);
        }
    }

    @Test
    void loadsNothingFromAnywhere() {
        assertThat(html).doesNotContain("://", "src=\"", "href=", "@import", "url(")
                .contains("Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"");
    }
}
