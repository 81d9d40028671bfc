package dev.scimsync.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
