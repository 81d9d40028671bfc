package dev.scimsync.input;

import dev.scimsync.config.InputsConfig;
import dev.scimsync.config.RemovalLimit;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The rules over whole input files, checked before any row is loaded: a file that shrank too much since the job's
 * last good run is a truncated export, and a plan is applied only to the files it was made from.
 */
public final class InputFileRules {

    private InputFileRules() {
    }

    /** The input files the job names, in the order they are loaded. */
    public static Map<InputKind, Path> configured(InputsConfig inputs) {
        Map<InputKind, Path> files = new LinkedHashMap<>();
        put(files, InputKind.ROLES, inputs.roles());
        put(files, InputKind.USERS, inputs.users());
        put(files, InputKind.TEAMS, inputs.teams());
        put(files, InputKind.MEMBERSHIPS, inputs.memberships());
        put(files, InputKind.SERVICE_ACCOUNTS, inputs.serviceAccounts());
        return files;
    }

    /**
     * A file that shrank by more than {@code policy.max-row-drop} since the job's last finished run is rejected: a
     * truncated or empty export must not turn into removals. Rows are counted when they carry a key, so rows without
     * one (padding, half-filled rows) cannot make a truncated export look whole.
     *
     * @param file     the file as messages name it
     * @param previous the same input of the job's last good run
     * @throws InputRejectedException when the drop is larger than {@code maxDrop} allows
     */
    public static void checkRowDrop(InputKind kind, String file, InputFileInfo info, InputFileRecord previous,
                                    RemovalLimit maxDrop) {
        long rows = info.keyedRows();
        long before = previous.keyedRowsOrRows();
        long dropped = before - rows;
        if (dropped > 0 && dropped > maxDrop.allowed(before)) {
            String keyless = info.rows() == rows ? "" : String.format(" (not counting %d rows without %s)",
                    info.rows() - rows, String.join(" and ", kind.keyColumns()));
            throw new InputRejectedException(file, 0, null, String.format(
                    "%d rows%s, %d fewer than the %d of %s, more than policy.max-row-drop %s allows; is the"
                            + " export truncated? Check it, or raise policy.max-row-drop for a real shrink",
                    rows, keyless, dropped, before, previous.path(), maxDrop));
        }
    }

    /**
     * An apply of a plan reads the very files the plan was made from.
     *
     * @param planned the file the plan recorded for this input, or null when the plan had none
     * @throws InputChangedException when the plan had no such input or its checksum differs
     */
    public static void checkSameAsPlanned(String file, InputFileRecord planned, InputFileRecord now,
                                          String planRunId) {
        if (planned == null || !Objects.equals(planned.sha256(), now.sha256())) {
            throw new InputChangedException(file + " changed since plan " + planRunId
                    + " was made; make a new plan and review it before applying");
        }
    }

    /**
     * @param unmatched the plan's input files that the job no longer names
     * @throws InputChangedException when there is one
     */
    public static void checkNoneDropped(Map<String, InputFileRecord> unmatched, String planRunId) {
        if (!unmatched.isEmpty()) {
            throw new InputChangedException("plan " + planRunId + " was made with "
                    + unmatched.values().iterator().next().path() + ", which this job no longer names");
        }
    }

    private static void put(Map<InputKind, Path> files, InputKind kind, Path file) {
        if (file != null) {
            files.put(kind, file);
        }
    }
}
