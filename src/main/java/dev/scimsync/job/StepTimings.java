package dev.scimsync.job;

import dev.scimsync.report.StepTiming;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The steps of every execution of a run (a resumed run has several), oldest first. */
final class StepTimings {

    private StepTimings() {
    }

    static List<StepTiming> of(JobRepository jobRepository, JobExecution last) {
        List<JobExecution> executions = new ArrayList<>(jobRepository.getJobExecutions(last.getJobInstance()));
        if (executions.stream().noneMatch(e -> e.getId() == last.getId())) {
            executions.add(last);
        }
        executions.sort(Comparator.comparingLong(JobExecution::getId));
        List<StepTiming> steps = new ArrayList<>();
        for (JobExecution execution : executions) {
            JobExecution withSteps = execution.getId() == last.getId() ? last : execution;
            withSteps.getStepExecutions().stream()
                    .sorted(Comparator.comparingLong(StepExecution::getId))
                    .forEach(s -> steps.add(StepTiming.of(s.getStepName(), s.getStatus().name(),
                            instant(s.getStartTime()), instant(s.getEndTime()), s.getReadCount(), s.getWriteCount(),
                            s.getFilterCount(), s.getSkipCount())));
        }
        return steps;
    }

    private static java.time.Instant instant(LocalDateTime time) {
        return time == null ? null : time.atZone(ZoneId.systemDefault()).toInstant();
    }
}
