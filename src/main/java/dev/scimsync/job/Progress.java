package dev.scimsync.job;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Shows how far a long chunked step is, on one line of a terminal rewritten at most every 500 ms: items done of the
 * total, the rate and the time left. Prints nothing at all unless {@link Output#terminal()} says a person watches
 * (a cron run or a test has no terminal).
 */
final class Progress implements StepExecutionListener, ItemWriteListener<Object> {

    static final long INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    /** Where progress goes, and whether anyone is looking; {@link #system()} in the application, fakes in tests. */
    record Output(boolean terminal, PrintStream stream, LongSupplier nanoClock) {

        static Output system() {
            return new Output(System.console() != null, System.err, System::nanoTime);
        }
    }

    private final Output output;
    private final String label;
    private final String unit;
    private final LongSupplier total;
    private long expected;
    private long done;
    private long started;
    private long lastShown;
    private boolean shown;
    private long shownDone;

    /**
     * @param label what the step does, e.g. {@code load users}
     * @param unit  what is counted, e.g. {@code rows}
     * @param total the number of items the step will write, asked when it starts
     */
    Progress(Output output, String label, String unit, LongSupplier total) {
        this.output = output;
        this.label = label;
        this.unit = unit;
        this.total = total;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        if (output.terminal()) {
            expected = total.getAsLong();
            started = output.nanoClock().getAsLong();
            lastShown = started;
            done = 0;
            shown = false;
        }
    }

    @Override
    public void afterWrite(Chunk<?> items) {
        if (!output.terminal()) {
            return;
        }
        done += items.size();
        long now = output.nanoClock().getAsLong();
        if (now - lastShown >= INTERVAL_NANOS) {
            lastShown = now;
            show(now);
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (output.terminal() && shown) {
            if (shownDone != done) {
                show(output.nanoClock().getAsLong());
            }
            output.stream().println();
            output.stream().flush();
        }
        return null;
    }

    private void show(long now) {
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        double rate = done / seconds;
        String left = rate > 0 && expected > done ? ", " + clock(Math.round((expected - done) / rate)) + " left" : "";
        output.stream().printf(Locale.ROOT, "\r%s: %,d of %,d %s, %,.0f/s%s   ", label, done, expected, unit, rate,
                left);
        output.stream().flush();
        shown = true;
        shownDone = done;
    }

    private static String clock(long seconds) {
        return seconds >= 3600 ? String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format("%d:%02d", seconds / 60, seconds % 60);
    }
}
