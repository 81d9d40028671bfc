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
                0L, 1, false, null, -1, Page.MAX_COUNT, true, null, true));
        assertThat(options.withPort(8080).withDialect(EmulatorDialect.SCIM2).withSeed(5).port()).isEqualTo(8080);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(EmulatorDialect.class)
    void userDeleteDeactivatesOnTheSeedsWandbOnlyUnlessSetAndFollowsALaterDialect(EmulatorDialect dialect) {
        EmulatorOptions options = EmulatorOptions.of("k").withDialect(dialect);

        assertThat(options.userDeleteRemovesUsers()).isEqualTo(dialect != EmulatorDialect.WANDB);
        assertThat(options.withUserDeleteRemoves(true).userDeleteRemovesUsers()).isTrue();
        assertThat(options.withUserDeleteRemoves(false).userDeleteRemovesUsers()).isFalse();
        assertThat(EmulatorOptions.of("k").withUserDeleteRemoves(null).withDialect(dialect).userDeleteRemovesUsers())
                .isEqualTo(dialect != EmulatorDialect.WANDB);
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
