package dev.scimsync.job;

import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.Chunk;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final AtomicLong nanos = new AtomicLong();

    @Test
    void onATerminalShowsDoneRateAndTimeLeftAtMostTwiceASecond() {
        Progress progress = progress(true);

        progress.beforeStep(null);
        write(progress, 100, 200);   // 100 rows after 0.2 s: too soon to show
        write(progress, 100, 400);   // 200 rows after 0.6 s
        write(progress, 100, 100);   // 0.1 s later: too soon again
        write(progress, 100, 500);   // 400 rows after 1.2 s
        progress.afterStep(null);

        String out = printed.toString(StandardCharsets.UTF_8);
        assertThat(out.split("\r")).hasSize(3);
        assertThat(out).contains("\rload users: 200 of 1,000 rows, 333/s, 0:02 left")
                .endsWith("\rload users: 400 of 1,000 rows, 333/s, 0:02 left   \n");
    }

    @Test
    void withoutATerminalPrintsNothing() {
        Progress progress = progress(false);

        progress.beforeStep(null);
        for (int i = 0; i < 10; i++) {
            write(progress, 100, 600);
        }
        progress.afterStep(null);

        assertThat(printed.size()).isZero();
    }

    private Progress progress(boolean terminal) {
        PrintStream stream = new PrintStream(printed, true, StandardCharsets.UTF_8);
        return new Progress(new Progress.Output(terminal, stream, nanos::get), "load users", "rows", () -> 1000);
    }

    private void write(Progress progress, int items, long afterMillis) {
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(afterMillis));
        Chunk<Object> chunk = new Chunk<>();
        for (int i = 0; i < items; i++) {
            chunk.add(i);
        }
        progress.afterWrite(chunk);
    }
}
