package dev.scimsync.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class RemovalLimitTest {

    @Test
    void parsesPercentagesAndCounts() {
        assertThat(RemovalLimit.parse("5%")).isEqualTo(new RemovalLimit(true, 5));
        assertThat(RemovalLimit.parse(" 2.5 % ")).isEqualTo(new RemovalLimit(true, 2.5));
        assertThat(RemovalLimit.parse("10")).isEqualTo(new RemovalLimit(false, 10));
        assertThat(RemovalLimit.parse("0")).isEqualTo(RemovalLimit.count(0));
        assertThat(RemovalLimit.parse("100%")).isEqualTo(RemovalLimit.percent(100));
    }

    @Test
    void writesBackWhatWasParsed() {
        assertThat(RemovalLimit.parse("5%")).hasToString("5%");
        assertThat(RemovalLimit.parse("2.50%")).hasToString("2.5%");
        assertThat(RemovalLimit.parse("10")).hasToString("10");
        assertThat(RemovalLimit.percent(100)).hasToString("100%");
    }

    @Test
    void percentageAllowsTheFloorOfItsShareOfManagedObjects() {
        RemovalLimit fivePercent = RemovalLimit.parse("5%");
        assertThat(fivePercent.allowed(1000)).isEqualTo(50);
        assertThat(fivePercent.allowed(39)).isEqualTo(1);
        assertThat(fivePercent.allowed(19)).isZero();
        assertThat(fivePercent.allowed(0)).isZero();
        assertThat(RemovalLimit.parse("100%").allowed(7)).isEqualTo(7);
    }

    @ParameterizedTest(name = "{0} of {1} managed allows {2} removals")
    @CsvSource({
            "2%, 49, 1", "2%, 1, 1", "2%, 50, 1", "2%, 100, 2", "2%, 149, 2", "5%, 19, 1", "5%, 1000, 50",
            "0.1%, 10, 1", "100%, 7, 7", "0%, 1000, 0", "0, 1000, 0", "3, 1, 3", "10, 1000000, 10"})
    void aPercentageAllowsAtLeastOneRemovalOfEachKind(String limit, long managed, long allowed) {
        assertThat(RemovalLimit.parse(limit).allowedRemovals(managed)).isEqualTo(allowed);
    }

    @Test
    void theRowDropLimitKeepsTheFloorOfItsShare() {
        assertThat(RemovalLimit.parse("2%").allowed(49)).isZero();
        assertThat(RemovalLimit.parse("2%").allowedRemovals(49)).isEqualTo(1);
    }

    @Test
    void countAllowsItselfWhateverIsManaged() {
        assertThat(RemovalLimit.parse("10").allowed(3)).isEqualTo(10);
        assertThat(RemovalLimit.parse("10").allowed(1_000_000)).isEqualTo(10);
    }

    @Test
    void rejectsNegativeOverAHundredPercentFractionalCountsAndText() {
        assertThatIllegalArgumentException().isThrownBy(() -> RemovalLimit.parse("-1"))
                .withMessage("must not be negative (was '-1')");
        assertThatIllegalArgumentException().isThrownBy(() -> RemovalLimit.parse("101%"))
                .withMessage("must be at most 100% (was 101%)");
        assertThatIllegalArgumentException().isThrownBy(() -> RemovalLimit.parse("2.5"))
                .withMessage("must be a whole count (was 2.5)");
        assertThatIllegalArgumentException().isThrownBy(() -> RemovalLimit.parse("five"))
                .withMessage("must be a count like 10 or a percentage like 5% (was 'five')");
        assertThatIllegalArgumentException().isThrownBy(() -> RemovalLimit.parse("5%%"));
        assertThatIllegalArgumentException().isThrownBy(() -> new RemovalLimit(false, -3));
    }
}
