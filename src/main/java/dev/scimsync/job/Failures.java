package dev.scimsync.job;

import dev.scimsync.input.InputChangedException;
import dev.scimsync.apply.ApplyAbortedException;
import dev.scimsync.config.ConfigException;
import dev.scimsync.input.InputRejectedException;
import dev.scimsync.scim.MissingCredentialException;
import dev.scimsync.scim.ScimAuthException;
import dev.scimsync.scim.ScimException;
import org.springframework.batch.core.job.JobExecution;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/** Maps why a job execution failed to an exit code and a message for a person (no stack trace). */
final class Failures {

    private static final Logger log = LoggerFactory.getLogger(Failures.class);

    record Classified(int exitCode, String message) {
    }

    private Failures() {
    }

    static Classified classify(JobExecution execution) {
        List<Throwable> failures = execution.getAllFailureExceptions();
        for (Throwable failure : failures) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                Classified c = classify(t);
                if (c != null) {
                    return c;
                }
            }
        }
        String message = failures.isEmpty() ? "the run stopped (" + execution.getStatus() + ")"
                : failures.get(0).getMessage();
        failures.forEach(f -> log.error("run stopped by an unexpected error", f));
        return new Classified(ExitCodes.ABORTED, message);
    }

    private static Classified classify(Throwable t) {
        if (t instanceof InputRejectedException || t instanceof InputChangedException) {
            return new Classified(ExitCodes.INPUT_REJECTED, t.getMessage());
        }
        if (t instanceof ConfigException || t instanceof MissingCredentialException) {
            return new Classified(ExitCodes.USAGE, t.getMessage());
        }
        if (t instanceof ScimAuthException || t instanceof ApplyAbortedException) {
            return new Classified(ExitCodes.ABORTED, t.getMessage());
        }
        if (t instanceof ScimException e) {
            return new Classified(ExitCodes.ABORTED, "the target failed: " + e.getMessage());
        }
        return null;
    }
}
