package dev.scimsync.config;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scheduling files in {@code jobs/}: a crontab line, a systemd service and timer, a Kubernetes CronJob. */
class SchedulingFilesTest {

    private static final Path JOBS = Path.of("jobs");

    @TempDir
    Path dir;

    @Test
    void theCrontabHasOneValidLineThatSyncsTheNightlyJob() throws IOException {
        List<CronLine> lines = Files.readAllLines(JOBS.resolve("scim-sync.cron")).stream()
                .filter(l -> !l.isBlank() && !l.strip().startsWith("#") && !CronLine.isSetting(l))
                .map(CronLine::parse).toList();

        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).schedule()).isEqualTo("15 2 * * *");
        assertThat(lines.get(0).command()).contains("scim-sync sync jobs/nightly.yml")
                .doesNotContain("%")  // cron turns % into a newline
                .doesNotContainIgnoringCase("WANDB_API_KEY=").doesNotContainIgnoringCase("PASSWORD=");
    }

    @Test
    void theCronFieldCheckReadsWhatCronReadsAndRefusesTheRest() {
        for (String ok : List.of("0 0 1 1 0", "*/15 * * * *", "0-30/10 8-18 * * 1-5", "5,35 2,14 1,15 jan sun",
                "0 3 * dec 7", "59 23 31 12 6")) {
            assertThat(CronLine.parse(ok + " scim-sync sync x.yml").schedule()).isEqualTo(ok);
        }
        assertThat(CronLine.parse("@daily scim-sync sync x.yml").command()).isEqualTo("scim-sync sync x.yml");
        for (String bad : List.of("60 2 * * *", "15 24 * * *", "15 2 0 * *", "15 2 * 13 *", "15 2 * * 8",
                "15 2 * * mon-fri", "*/0 * * * *", "5-1 * * * *", "5/10 * * * *", "1,,2 * * * *", "15 2 * *",
                "@sometimes")) {
            assertThatThrownBy(() -> CronLine.parse(bad + " scim-sync sync x.yml")).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theKubernetesManifestIsACronJobThatForbidsOverlapAndTakesSecretsFromASecret() throws IOException {
        JsonNode cronJob = new YAMLMapper().readTree(JOBS.resolve("k8s-cronjob.yaml").toFile());

        assertThat(cronJob.path("apiVersion").asString()).isEqualTo("batch/v1");
        assertThat(cronJob.path("kind").asString()).isEqualTo("CronJob");
        assertThat(CronLine.parse(cronJob.path("spec").path("schedule").asString() + " x").schedule())
                .isEqualTo("15 2 * * *");
        assertThat(cronJob.path("spec").path("concurrencyPolicy").asString()).isEqualTo("Forbid");
        JsonNode pod = cronJob.path("spec").path("jobTemplate").path("spec").path("template").path("spec");
        assertThat(pod.path("restartPolicy").asString()).isEqualTo("Never");
        JsonNode container = pod.path("containers").get(0);
        List<String> args = new ArrayList<>();
        container.path("args").forEach(a -> args.add(a.asString()));
        assertThat(args).startsWith("sync").anyMatch(a -> a.startsWith("--state-db=jdbc:postgresql://"))
                .noneMatch(a -> a.toLowerCase().contains("password"));
        for (JsonNode env : container.path("env")) {
            String name = env.path("name").asString();
            if (name.matches("(?i).*(KEY|PASSWORD|TOKEN|SECRET|USERNAME).*")) {
                assertThat(env.has("value")).as(name + " must not be written in the manifest").isFalse();
                assertThat(env.path("valueFrom").path("secretKeyRef").path("name").asString()).as(name)
                        .isEqualTo("scim-sync");
            }
        }
        assertThat(container.path("env").findValuesAsString("name")).contains("WANDB_API_KEY",
                "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD");
        JsonNode failureRules = cronJob.path("spec").path("jobTemplate").path("spec").path("podFailurePolicy")
                .path("rules");
        assertThat(failureRules.get(0).path("action").asString()).isEqualTo("FailJob");
        assertThat(failureRules.get(0).path("onExitCodes").path("values").toString()).isEqualTo("[1,2,3,5]");
    }

    @Test
    void theSystemdUnitsPassSystemdAnalyzeVerify() throws Exception {
        Assumptions.assumeTrue(new File("/usr/bin/systemd-analyze").canExecute()
                || new File("/bin/systemd-analyze").canExecute(), "systemd-analyze is not installed");
        // verify checks that ExecStart's program exists: stand a stub in for /opt/scim-sync/scim-sync
        Path stub = dir.resolve("opt/scim-sync/scim-sync");
        Files.createDirectories(stub.getParent());
        Files.writeString(stub, "#!/bin/sh\n");
        assertThat(stub.toFile().setExecutable(true)).isTrue();
        List<String> command = new ArrayList<>(List.of("systemd-analyze", "verify"));
        for (String unit : List.of("scim-sync-nightly.service", "scim-sync-nightly.timer")) {
            String text = Files.readString(JOBS.resolve(unit));
            assertThat(text).doesNotContainIgnoringCase("WANDB_API_KEY=");
            Files.writeString(dir.resolve(unit), text.replace("/opt/scim-sync/scim-sync", stub.toString()));
            command.add(dir.resolve(unit).toString());
        }
        Process verify = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(verify.getInputStream().readAllBytes());
        assertThat(verify.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(verify.exitValue()).as(output).isZero();
        assertThat(output).as("no warning either (an unknown key is only a warning)").isBlank();
        String service = Files.readString(JOBS.resolve("scim-sync-nightly.service"));
        assertThat(service).contains("ExecStart=/opt/scim-sync/scim-sync sync jobs/nightly.yml",
                "RestartPreventExitStatus=1 2 3 5", "EnvironmentFile=");
    }
}
