package dev.scimsync.validate;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class DuplicateKeyFinderTest {

    @Test
    void aHashCollisionIsNoDuplicate() {
        DuplicateKeyFinder keys = new DuplicateKeyFinder();
        keys.add(2, 42);
        keys.add(3, 7);
        keys.add(4, 42);
        keys.add(5, 42);

        assertThat(keys.findCandidates()).isTrue();
        assertThat(keys.firstCandidateLine()).isEqualTo(2);
        assertThat(keys.lastCandidateLine()).isEqualTo(5);
        assertThat(keys.isCandidate(2)).isTrue();
        assertThat(keys.firstLineOf(2, "a")).isEqualTo(-1);
        assertThat(keys.isCandidate(3)).isFalse();
        assertThat(keys.firstLineOf(4, "b")).as("same hash, other key").isEqualTo(-1);
        assertThat(keys.firstLineOf(5, "b")).isEqualTo(4);
    }

    @Test
    void rowsWithoutSharedHashesNeedNoSecondPass() {
        DuplicateKeyFinder keys = new DuplicateKeyFinder();
        for (long line = 2; line < 10_000; line++) {
            keys.add(line, DuplicateKeyFinder.hash("user" + line + "@example.com"));
        }
        assertThat(keys.findCandidates()).isFalse();
    }

    @Test
    void hashesSharingOnlyTheBitsThatHoldTheOrdinalAreStillCandidates() {
        DuplicateKeyFinder keys = new DuplicateKeyFinder();
        keys.add(1, 0x100);
        keys.add(2, 0x101);
        keys.add(3, 0x102);
        keys.add(4, 0x203);

        assertThat(keys.findCandidates()).isTrue();
        assertThat(keys.firstLineOf(1, "x")).isEqualTo(-1);
        assertThat(keys.firstLineOf(2, "y")).isEqualTo(-1);
        assertThat(keys.firstLineOf(3, "x")).isEqualTo(1);
        assertThat(keys.isCandidate(4)).isFalse();
    }

    @Test
    void findsWhatAMapFindsWithAWeakHash() {
        Random random = new Random(8);
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            rows.add("k" + random.nextInt(15_000));
        }
        for (long weakBits : new long[] {0, 0xFL, -1L}) {
            DuplicateKeyFinder keys = new DuplicateKeyFinder();
            for (int i = 0; i < rows.size(); i++) {
                keys.add(i * 2L + 3, DuplicateKeyFinder.hash(rows.get(i)) & weakBits);
            }
            Map<String, Long> first = new HashMap<>();
            List<Long> expected = new ArrayList<>();
            List<Long> found = new ArrayList<>();
            assertThat(keys.findCandidates()).isTrue();
            for (int i = 0; i < rows.size(); i++) {
                long line = i * 2L + 3;
                Long earlier = first.putIfAbsent(rows.get(i), line);
                expected.add(earlier == null ? -1 : earlier);
                found.add(keys.isCandidate(line) ? keys.firstLineOf(line, rows.get(i)) : -1);
            }
            assertThat(found).as("hash bits %x", weakBits).isEqualTo(expected);
        }
    }

    @Test
    void keysOfSeveralPartsDoNotRunTogether() {
        assertThat(DuplicateKeyFinder.hash("ab", "c")).isNotEqualTo(DuplicateKeyFinder.hash("a", "bc"));
        assertThat(DuplicateKeyFinder.hash("a/b")).as("no character stands for the boundary between parts")
                .isNotEqualTo(DuplicateKeyFinder.hash("a", "b"));
    }
}
