package dev.scimsync.emulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.util.function.UnaryOperator;

/** A fresh emulator for every test, and a client of it that presents the class's key. */
abstract class EmulatorTestBase {

    private final String token;
    private final UnaryOperator<EmulatorOptions> options;
    protected WandbEmulator emulator;
    protected ScimHttp http;

    EmulatorTestBase(String token) {
        this(token, options -> options);
    }

    EmulatorTestBase(String token, UnaryOperator<EmulatorOptions> options) {
        this.token = token;
        this.options = options;
    }

    @BeforeEach
    void startEmulator() {
        emulator = WandbEmulator.start(options.apply(EmulatorOptions.of(token)));
        http = ScimHttp.bearer(emulator, token);
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }
}
