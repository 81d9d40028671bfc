package dev.scimsync.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Opens report.html in a real headless browser (Debian's chromium, which .ci/run installs) and reads the DOM it
 * built. Skipped only where chromium is not installed.
 */
class ReportPageInBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    Path dir;

    @Test
    void theBrowserRendersTheCountsAndShowsHostileValuesAsText() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed (apt-get install chromium)");
        Path page = dir.resolve("report.html");
        Files.writeString(page, new HtmlReport().render(ReportPages.sample()));

        String dom = dumpDom(page);

        assertThat(dom).contains("exit 1: finished, some rows or operations failed")
                .contains("<td class=\"n\">1207</td>", "<td class=\"n\">5310</td>", "<td class=\"n\">42</td>")
                .contains("<rect").contains("&lt;img src=x onerror=alert(1)&gt;@example.com")
                .doesNotContain("<img", "<script");
    }

    @Test
    void aPlanShowsItsRemovalsBeforeAnythingElseItWouldChange() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed (apt-get install chromium)");
        Path page = dir.resolve("report.html");
        Files.writeString(page, new HtmlReport().render(ReportPages.plan(ReportPages.planWithRemovals(), dir)));

        String dom = dumpDom(page);

        // the groups in the order the browser laid them out: what is taken away first, creates and updates last
        List<String> groups = Pattern.compile("id=\"changes-([a-z]+)\"").matcher(dom).results()
                .map(m -> m.group(1)).toList();
        assertThat(groups).containsExactly("removals", "demotions", "fallbacks", "creates", "updates");
        assertThat(dom.indexOf("Changes proposed")).isLessThan(dom.indexOf("id=\"changes-removals\""));
        String removals = between(dom, "id=\"changes-removals\"", "id=\"changes-demotions\"");
        assertThat(removals).contains("<span class=\"count\">3</span>", "legacy@example.com",
                "research/carol@example.com", "obsolete").doesNotContain("new@example.com");
        assertThat(between(dom, "id=\"changes-demotions\"", "id=\"changes-fallbacks\""))
                .contains("ann@example.com", "org_role", ">admin<", ">member<").doesNotContain("bob@example.com");
        assertThat(between(dom, "id=\"changes-fallbacks\"", "id=\"changes-creates\""))
                .contains("<span class=\"count\">2</span>", "alice@example.com", "dave@example.com");
        // the member of the new team goes in its create request: one line, not two
        assertThat(between(dom, "id=\"changes-creates\"", "id=\"changes-updates\""))
                .contains("<span class=\"count\">3</span>", "new@example.com", "platform",
                        "research/bob@example.com").doesNotContain("platform/new@example.com");
        assertThat(between(dom, "id=\"changes-updates\"", "id=\"failures\""))
                .contains("display_name", ">Bob<", "&lt;img src=x onerror=alert(1)&gt;@example.com")
                .doesNotContain("ann@example.com");
        assertThat(dom).doesNotContain("<img", "<script");
        // each group links to its CSV beside the page, which lists it whole
        assertThat(dom).contains("href=\"changes-removals.csv\"", "href=\"changes-updates.csv\"");
        assertThat(Files.readAllLines(dir.resolve("changes-removals.csv"))).hasSize(4);
    }

    private static String between(String text, String from, String to) {
        int start = text.indexOf(from);
        int end = text.indexOf(to, start);
        assertThat(start).as(from).isNotNegative();
        assertThat(end).as(to).isGreaterThan(start);
        return text.substring(start, end);
    }

    private String dumpDom(Path page) throws IOException, InterruptedException {
        Path log = dir.resolve("chromium.log");
        Process chromium = new ProcessBuilder(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + dir.resolve("profile"),
                "--dump-dom", page.toUri().toString()))
                .redirectError(log.toFile())
                .start();
        chromium.getOutputStream().close();
        byte[] out = chromium.getInputStream().readAllBytes();
        boolean ended = chromium.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            chromium.destroyForcibly();
        }
        assertThat(chromium.exitValue()).as("chromium's exit code; its log: %s", Files.readString(log)).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }
}
