package dev.scimsync.report;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code validate} found: each input's rows, valid and invalid, the first errors as one line each, and where
 * the failed-rows files are.
 *
 * @param shown  the first errors of every input, each {@code FILE line N, column C: reason}
 * @param errors how many errors there were in all (a row may have several)
 */
public record Validation(List<Input> inputs, List<String> shown, long errors, Path outDir) {

    /** One input file: its path as the run named it, its rows, and how many of them are invalid. */
    public record Input(String kind, String path, long rows, long invalid) {

        public long valid() {
            return rows - invalid;
        }
    }

    public long invalid() {
        return inputs.stream().mapToLong(Input::invalid).sum();
    }
}
