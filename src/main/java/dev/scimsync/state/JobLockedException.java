package dev.scimsync.state;

/** Another run of the same job holds its lock: this one must not start. */
public class JobLockedException extends RuntimeException {

    public JobLockedException(String jobName) {
        super("another run of job '" + jobName + "' is in progress (it holds the job's lock in the state database);"
                + " this run exits without doing anything");
    }
}
