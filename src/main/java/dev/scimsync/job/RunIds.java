package dev.scimsync.job;

import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Run ids that sort by start time and read well in a path: {@code 20261128-031500-7f3a}. */
final class RunIds {

    /** The job parameter that identifies a run: the only one, so a resumed run is the same job instance. */
    static final String PARAMETER = "run.id";

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final SecureRandom RANDOM = new SecureRandom();

    private RunIds() {
    }

    static String next() {
        return FORMAT.format(LocalDateTime.now(ZoneOffset.UTC)) + "-" + String.format("%04x", RANDOM.nextInt(0x10000));
    }
}
