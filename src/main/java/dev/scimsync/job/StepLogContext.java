package dev.scimsync.job;

import org.slf4j.MDC;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/** Names the running step in the logging context (MDC key {@code step}), for {@code --log-format json}. */
final class StepLogContext implements StepExecutionListener {

    static final StepLogContext INSTANCE = new StepLogContext();
    static final String KEY = "step";

    private StepLogContext() {
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        MDC.put(KEY, stepExecution.getStepName());
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        MDC.remove(KEY);
        return null;
    }
}
