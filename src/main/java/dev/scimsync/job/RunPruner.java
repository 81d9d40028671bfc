package dev.scimsync.job;

import dev.scimsync.state.JobLocks;
import dev.scimsync.state.RunRecord;
import dev.scimsync.state.RunRowDeleter;
import dev.scimsync.state.RunRepository;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Removes old runs from the state database, so that a nightly job does not grow it by a copy of its inputs and of the
 * target every night. Of each job the {@code keep} most recent runs stay, with the plan runs they apply (an
 * {@code apply --plan} run advances its plan run's operations); every other run loses its rows in the staging tables
 * and its Spring Batch job instance. The ownership ledger stays whole. Report folders on disk are not touched.
 */
@Component
public class RunPruner {

    private final RunRepository runs;
    private final RunRowDeleter rows;
    private final JobRepository jobRepository;
    private final JobLocks locks;

    public RunPruner(RunRepository runs, RunRowDeleter rows, JobRepository jobRepository, JobLocks locks) {
        this.runs = runs;
        this.rows = rows;
        this.jobRepository = jobRepository;
        this.locks = locks;
    }

    /** One job's runs, newest first: those that stay and those that pruning removes. */
    public record JobRuns(String jobName, List<RunRecord> kept, List<RunRecord> pruned) {
    }

    /** The runs that {@link #prune} would remove, by job (jobs in order of their latest run); changes nothing. */
    public List<JobRuns> select(int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1, was " + keep);
        }
        List<RunRecord> all = runs.all();
        Map<String, List<RunRecord>> byJob = new LinkedHashMap<>();
        all.forEach(run -> byJob.computeIfAbsent(run.jobName(), j -> new ArrayList<>()).add(run));
        Set<String> applied = new HashSet<>();
        byJob.values().forEach(jobRuns -> jobRuns.stream().limit(keep)
                .filter(run -> run.planRunId() != null).forEach(run -> applied.add(run.planRunId())));
        List<JobRuns> result = new ArrayList<>();
        byJob.forEach((job, jobRuns) -> {
            List<RunRecord> kept = new ArrayList<>();
            List<RunRecord> pruned = new ArrayList<>();
            for (int i = 0; i < jobRuns.size(); i++) {
                RunRecord run = jobRuns.get(i);
                (i < keep || applied.contains(run.runId()) ? kept : pruned).add(run);
            }
            result.add(new JobRuns(job, kept, pruned));
        });
        return result;
    }

    /**
     * Removes the runs {@link #select} picks for one job, chosen again under the job's lock (so no run of it starts
     * meanwhile: on PostgreSQL another machine may be running it; on H2 the open database file already keeps others
     * out). Each run goes in three steps: it is forgotten ({@code sync_run}, in one transaction: nothing lists,
     * resumes or applies it any more), its job instance is deleted, then its staged rows, a slice at a time (see
     * {@link RunRowDeleter}). What an interruption leaves is finished by {@link #finishInterrupted}; at worst an unused
     * job instance stays.
     *
     * @return the job's runs as they were split when it was pruned
     * @throws dev.scimsync.state.JobLockedException when a run of the job holds its lock
     */
    public JobRuns prune(String jobName, int keep) {
        try (JobLocks.Lock lock = locks.acquire(jobName)) {
            JobRuns job = select(keep).stream().filter(j -> j.jobName().equals(jobName)).findFirst()
                    .orElse(new JobRuns(jobName, List.of(), List.of()));
            for (RunRecord run : job.pruned()) {
                rows.forget(run.runId());
                JobInstance instance = jobRepository.getJobInstance(SyncJobFactory.JOB_NAME,
                        new JobParametersBuilder().addString(RunIds.PARAMETER, run.runId()).toJobParameters());
                if (instance != null) {
                    jobRepository.deleteJobInstance(instance);
                }
                rows.deleteStaged(run.runId());
            }
            return job;
        }
    }

    /** After pruning, on H2: gives the freed space back to the file system and closes the database (see RunRowDeleter). */
    public boolean compactIfH2() {
        return rows.compactIfH2();
    }

    /** Deletes the staged rows of runs an interrupted prune had forgotten; returns their ids. */
    public List<String> finishInterrupted() {
        List<String> unfinished = rows.unfinished();
        unfinished.forEach(rows::deleteStaged);
        return unfinished;
    }
}
