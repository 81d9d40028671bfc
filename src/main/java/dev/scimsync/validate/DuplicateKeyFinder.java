package dev.scimsync.validate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the rows whose key repeats an earlier row's, in two passes over rows that arrive in line order, keeping
 * about 16 bytes a row and no key: the first pass ({@link #add}) keeps a 64-bit hash of each row's key with its line;
 * the rows whose hash (the part of it that is kept, see {@link #findCandidates}) is shared are the candidates; the
 * second pass ({@link #isCandidate}, {@link #firstLineOf}) compares the candidates' real keys, so a hash collision
 * never makes a row a duplicate. Only the keys of candidate groups with rows still to come are held.
 */
final class DuplicateKeyFinder {

    private long[] hashes = new long[1024];
    private long[] lines = new long[1024];
    private int size;

    private long[] candidateLines;
    private int[] candidateGroups;
    private int[] groupRemaining;
    private int next;
    private final Map<Integer, List<Seen>> open = new HashMap<>();

    /** Adds the next row of the first pass; lines must grow. */
    void add(long line, long hash) {
        if (size > 0 && line <= lines[size - 1]) {
            throw new IllegalArgumentException("line " + line + " after line " + lines[size - 1]);
        }
        if (size == hashes.length) {
            int grown = size + (size >> 1);
            hashes = Arrays.copyOf(hashes, grown);
            lines = Arrays.copyOf(lines, grown);
        }
        hashes[size] = hash;
        lines[size] = line;
        size++;
    }

    /**
     * Ends the first pass: sorts the hashes, each packed with the row's ordinal in its low bits (as many as the row
     * count needs; the hash keeps the rest), and picks the rows whose packed hash is shared.
     *
     * @return whether there is any candidate, i.e. whether the second pass is needed
     */
    boolean findCandidates() {
        int ordinalBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, size - 1)));
        long ordinalMask = (1L << ordinalBits) - 1;
        long[] packed = hashes;
        for (int i = 0; i < size; i++) {
            packed[i] = (packed[i] & ~ordinalMask) | i;
        }
        hashes = null;
        Arrays.sort(packed, 0, size);
        long[] candidates = new long[0];
        int count = 0;
        int groups = 0;
        int[] sizes = new int[16];
        for (int start = 0; start < size; ) {
            long prefix = packed[start] & ~ordinalMask;
            int end = start + 1;
            while (end < size && (packed[end] & ~ordinalMask) == prefix) {
                end++;
            }
            if (end - start > 1) {
                if (count + end - start > candidates.length) {
                    candidates = Arrays.copyOf(candidates, Math.max(16, (count + end - start) * 2));
                }
                for (int i = start; i < end; i++) {
                    candidates[count++] = ((packed[i] & ordinalMask) << 32) | groups;
                }
                if (groups == sizes.length) {
                    sizes = Arrays.copyOf(sizes, groups * 2);
                }
                sizes[groups++] = end - start;
            }
            start = end;
        }
        Arrays.sort(candidates, 0, count);
        candidateLines = new long[count];
        candidateGroups = new int[count];
        for (int i = 0; i < count; i++) {
            candidateLines[i] = lines[(int) (candidates[i] >>> 32)];
            candidateGroups[i] = (int) candidates[i];
        }
        groupRemaining = sizes;
        lines = null;
        next = 0;
        return count > 0;
    }

    /** The first line of a candidate row; only once {@link #findCandidates} found some. */
    long firstCandidateLine() {
        return candidateLines[0];
    }

    /** The last line of a candidate row; only once {@link #findCandidates} found some. */
    long lastCandidateLine() {
        return candidateLines[candidateLines.length - 1];
    }

    /**
     * Whether the row on this line of the second pass is a candidate, whose key {@link #firstLineOf} must see. The
     * second pass must go through the lines in order; it may skip rows that are not candidates.
     */
    boolean isCandidate(long line) {
        while (next < candidateLines.length && candidateLines[next] < line) {
            next++;
        }
        return next < candidateLines.length && candidateLines[next] == line;
    }

    /**
     * Takes the key of a candidate row, in line order: the first line with an equal key when this row repeats an
     * earlier row's key, else -1.
     *
     * @param key compared with {@link Object#equals}
     */
    long firstLineOf(long line, Object key) {
        if (!isCandidate(line)) {
            throw new IllegalArgumentException("line " + line + " is not a candidate");
        }
        int group = candidateGroups[next++];
        List<Seen> seen = open.computeIfAbsent(group, g -> new ArrayList<>(2));
        long first = -1;
        for (Seen s : seen) {
            if (s.key.equals(key)) {
                first = s.line;
                break;
            }
        }
        if (first < 0) {
            seen.add(new Seen(key, line));
        }
        if (--groupRemaining[group] == 0) {
            open.remove(group);
        }
        return first;
    }

    /** A 64-bit hash of a key made of one or more strings (none null). */
    static long hash(String... parts) {
        long h = 0xcbf29ce484222325L;
        for (String part : parts) {
            for (int i = 0, n = part.length(); i < n; i++) {
                h = (h ^ part.charAt(i)) * 0x100000001b3L;
            }
            h = (h ^ 0x10000) * 0x100000001b3L; // a separator no char equals
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    private record Seen(Object key, long line) {
    }
}
