package dev.scimsync.cli;

import dev.scimsync.job.ExitCodes;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class EmulatorCommandTest {

    private static final Pattern READY = Pattern.compile("ready at (http://\\S+) \\(dialect (\\S+)\\)");

    @Test
    void servesUntilInterruptedAndPrintsOneReadyLine() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cli = ScimSyncCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        AtomicInteger exit = new AtomicInteger(-1);
        Thread server = new Thread(() -> exit.set(cli.execute("emulator", "--port", "0", "--token", "t",
                "--dialect", "scim2")));
        server.start();
        Matcher ready = awaitReadyLine(out);

        assertThat(ready.group(2)).isEqualTo("scim2");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> users = http.send(HttpRequest.newBuilder(URI.create(ready.group(1) + "/Users"))
                .header("Authorization", "Bearer t").build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(ready.group(1) + "/Users"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(users.statusCode()).isEqualTo(200);
        assertThat(users.body()).contains("ListResponse");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(out.toString().lines().filter(l -> l.contains("ready at"))).hasSize(1);

        server.interrupt();
        server.join(5_000);
        assertThat(server.isAlive()).isFalse();
        assertThat(exit.get()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void maxResultsAndNoFilterShapeTheServer() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cli = ScimSyncCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        AtomicInteger exit = new AtomicInteger(-1);
        Thread server = new Thread(() -> exit.set(cli.execute("emulator", "--port", "0", "--token", "t",
                "--dialect", "scim2", "--max-results", "3", "--no-filter")));
        server.start();
        Matcher ready = awaitReadyLine(out);

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> config = http.send(HttpRequest.newBuilder(URI.create(ready.group(1)
                + "/ServiceProviderConfig")).header("Authorization", "Bearer t").build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> filtered = http.send(HttpRequest.newBuilder(URI.create(ready.group(1)
                + "/Users?filter=userName%20eq%20%22a%22")).header("Authorization", "Bearer t").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(config.body().replace(" ", "")).contains("\"filter\":{\"supported\":false,\"maxResults\":3}");
        assertThat(filtered.statusCode()).isEqualTo(400);
        assertThat(filtered.body()).contains("invalidFilter");

        server.interrupt();
        server.join(5_000);
        assertThat(exit.get()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void aMaxResultsOutsideOneTo9999IsAUsageError() {
        for (String bad : new String[] {"0", "-1", "10000", "many"}) {
            Cli cli = Cli.run("emulator", "--port", "0", "--max-results", bad);

            assertThat(cli.exitCode).as(bad).isEqualTo(ExitCodes.USAGE);
            assertThat(cli.err).as(bad).containsIgnoringCase("max");
        }
    }

    @Test
    void aUserDeleteOtherThanDeactivatesOrRemovesIsAUsageError() {
        for (String bad : new String[] {"remove", "Removes", "delete", ""}) {
            Cli cli = Cli.run("emulator", "--port", "0", "--user-delete", bad);

            assertThat(cli.exitCode).as(bad).isEqualTo(ExitCodes.USAGE);
            assertThat(cli.err).as(bad).contains("--user-delete must be deactivates or removes");
        }
    }

    @Test
    void anUnknownDialectIsAUsageError() {
        Cli cli = Cli.run("emulator", "--port", "0", "--dialect", "ldap");

        assertThat(cli.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err).contains("ldap");
    }

    private static Matcher awaitReadyLine(StringWriter out) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = READY.matcher(out.toString());
            if (m.find()) {
                return m;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no ready line in: " + out);
    }
}
