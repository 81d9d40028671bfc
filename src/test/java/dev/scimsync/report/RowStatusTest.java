package dev.scimsync.report;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class RowStatusTest {

    @Test
    void onlyRowsAPersonMustLookAtMakeARunExit1() {
        assertThat(Arrays.stream(RowStatus.values()).filter(RowStatus::needsAttention))
                .containsExactlyInAnyOrder(RowStatus.INVALID, RowStatus.FAILED, RowStatus.BLOCKED, RowStatus.MANUAL,
                        RowStatus.PENDING);
    }

    @Test
    void aLabelNamesItsStatus() {
        for (RowStatus status : RowStatus.values()) {
            assertThat(RowStatus.ofLabel(status.label())).isEqualTo(status);
        }
        assertThat(RowStatus.ofLabel("unchanged")).isEqualTo(RowStatus.UNCHANGED);
    }
}
