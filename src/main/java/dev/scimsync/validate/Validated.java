package dev.scimsync.validate;

import java.util.List;
import java.util.Objects;

import dev.scimsync.input.CsvRow;

/**
 * The outcome of validating one row: either a value or the errors that prevent one (all of them, not just the
 * first). The row travels along so failed rows can be written back in the input's own format.
 */
public record Validated<T>(CsvRow row, T value, List<RowError> errors) {

    public Validated {
        Objects.requireNonNull(row, "row");
        errors = List.copyOf(errors);
        if (errors.isEmpty() == (value == null)) {
            throw new IllegalArgumentException("a validated row has either a value or errors, not both or neither");
        }
    }

    public static <T> Validated<T> ok(CsvRow row, T value) {
        return new Validated<>(row, Objects.requireNonNull(value, "value"), List.of());
    }

    public static <T> Validated<T> invalid(CsvRow row, List<RowError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid row needs at least one error");
        }
        return new Validated<>(row, null, errors);
    }

    public boolean valid() {
        return errors.isEmpty();
    }
}
