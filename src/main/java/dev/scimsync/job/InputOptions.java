package dev.scimsync.job;

import dev.scimsync.config.InputsConfig;
import dev.scimsync.input.InputKind;
import dev.scimsync.input.ReadOptions;

/** How the job file says one kind of input file is written: renamed headers, delimiter, encoding, value mappings. */
public final class InputOptions {

    private InputOptions() {
    }

    public static ReadOptions of(InputsConfig inputs, InputKind kind) {
        return new ReadOptions(inputs.columnsFor(kind.id()), inputs.delimiterChar(), inputs.windows1252(),
                inputs.valuesFor(kind.id()));
    }
}
