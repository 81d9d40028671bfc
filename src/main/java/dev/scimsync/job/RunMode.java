package dev.scimsync.job;

import java.util.Locale;

/**
 * What a run does: plan only, plan and apply, or apply a saved plan; or, for {@code validate}, only guard, load and
 * check the inputs, on a state database of its own that is thrown away afterwards.
 */
public enum RunMode {
    PLAN, SYNC, APPLY, VALIDATE;

    public String command() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RunMode ofCommand(String command) {
        return valueOf(command.toUpperCase(Locale.ROOT));
    }

    boolean prepares() {
        return this != APPLY;
    }

    boolean applies() {
        return this == SYNC || this == APPLY;
    }
}
