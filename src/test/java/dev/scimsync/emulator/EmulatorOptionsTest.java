package dev.scimsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/** Options, dialect ids, the command-line parser and the server's life cycle. */
class EmulatorOptionsTest {

    @Test
    void defaultsAreLoopbackAnyPortWandbAndNoFaults() {
        EmulatorOptions options = EmulatorOptions.of("k");

        assertThat(options).isEqualTo(new EmulatorOptions("127.0.0.1", 0, EmulatorDialect.WANDB, "k", 0, 0.0, 0.0,
                0L, 1, false, null, -1, Page.MAX_COUNT, true));
        assertThat(options.withPort(8080).withDialect(EmulatorDialect.SCIM2).withSeed(5).port()).isEqualTo(8080);
    }

    @Test
    void invalidOptionsAreRefused() {
        EmulatorOptions options = EmulatorOptions.of("k");

        assertThatThrownBy(() -> EmulatorOptions.of(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> options.withFailRate(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> options.withThrottleRate(-0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> options.withThrottleRate(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> options.withPort(70_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> options.withLatencyMs(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> options.withRetryAfterSeconds(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> options.withHost("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> options.withUnauthorizedAfterWrites(-2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> options.withDialect(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void toStringMasksTheToken() {
        assertThat(EmulatorOptions.of("very-secret").toString()).doesNotContain("very-secret").contains("****");
    }

    @Test
    void dialectsParseTheirIdsIgnoringCase() {
        assertThat(EmulatorDialect.parse("WANDB")).isEqualTo(EmulatorDialect.WANDB);
        assertThat(EmulatorDialect.parse("wandb-saas")).isEqualTo(EmulatorDialect.WANDB_SAAS);
        assertThat(EmulatorDialect.parse(" Scim2 ").id()).isEqualTo("scim2");
        assertThatThrownBy(() -> EmulatorDialect.parse("wandb_saas")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EmulatorDialect.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void startBindsAFreePortAndATakenPortFails() {
        try (WandbEmulator first = WandbEmulator.start(EmulatorOptions.of("k"))) {
            assertThat(first.port()).isPositive();
            assertThat(first.baseUrl()).isEqualTo("http://127.0.0.1:" + first.port() + "/scim");
            assertThat(first.dialect()).isEqualTo(EmulatorDialect.WANDB);

            assertThatThrownBy(() -> WandbEmulator.start(EmulatorOptions.of("k").withPort(first.port())))
                    .isInstanceOf(UncheckedIOException.class);
            first.close();
        }
    }
}
