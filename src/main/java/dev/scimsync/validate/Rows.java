package dev.scimsync.validate;

import dev.scimsync.input.CsvRow;
import dev.scimsync.input.InputKind;

final class Rows {

    private Rows() {
    }

    /** @throws IllegalArgumentException when a validator is given a row of another file (a wiring mistake) */
    static void require(CsvRow row, InputKind kind) {
        if (row.kind() != kind) {
            throw new IllegalArgumentException("not a " + kind.id() + " row: " + row.kind().id() + " " + row.file());
        }
    }
}
