package dev.scimsync.cli;

import dev.scimsync.config.ConfigException;
import dev.scimsync.config.JobConfig;
import dev.scimsync.config.JobFiles;
import dev.scimsync.config.Overrides;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;

/** The job file and the options that override it. */
final class JobOptions {

    @Parameters(index = "0", paramLabel = "JOB.yml", description = "The job file.")
    Path jobFile;

    @Option(names = "--target-url", paramLabel = "URL", description = "SCIM base URL, or 'embedded'.")
    String targetUrl;

    @Option(names = "--dialect", description = "wandb, wandb-saas or scim2.")
    String dialect;

    @Option(names = "--token-env", paramLabel = "VAR", description = "Environment variable holding the API key.")
    String tokenEnv;

    @Option(names = "--users", paramLabel = "FILE", description = "users.csv")
    Path users;

    @Option(names = "--teams", paramLabel = "FILE", description = "teams.csv")
    Path teams;

    @Option(names = "--memberships", paramLabel = "FILE", description = "memberships.csv")
    Path memberships;

    @Option(names = "--roles", paramLabel = "FILE", description = "roles.csv")
    Path roles;

    @Option(names = "--out", paramLabel = "DIR", description = "Report directory (a folder per run inside).")
    Path out;

    @Option(names = "--concurrency", paramLabel = "N", description = "Requests in flight at most.")
    Integer concurrency;

    @Option(names = "--chunk-size", paramLabel = "N", description = "Rows or operations per committed chunk.")
    Integer chunkSize;

    @Option(names = "--requests-per-second", paramLabel = "R", description = "Request rate limit (0 = none).")
    Double requestsPerSecond;

    /** The job file with the options applied; null after printing each of its problems (then exit 2). */
    JobConfig loadOrExplain(PrintWriter err) {
        try {
            return JobFiles.load(jobFile, overrides());
        } catch (ConfigException e) {
            e.problems().forEach(problem -> err.println("scim-sync: " + problem));
            return null;
        }
    }

    Overrides overrides() {
        return new Overrides(targetUrl, dialect, tokenEnv, users, teams, memberships, roles, out, concurrency,
                chunkSize, requestsPerSecond);
    }
}
