package dev.scimsync.scim;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every form a key takes in a log line is masked: as is, in each {@code Authorization} header, in HttpClient's wire
 * log, in base64 behind any user name, and in pieces where the wire log cuts a line.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SecretMaskTest {

    /**
     * Keys of every shape: hex, with base64's own characters, JSON's escaped ones, a tab, Latin-1, Cyrillic, long.
     * Like real keys none repeats itself, which would make a piece of its base64 at one offset part of another.
     */
    static List<String> keys() {
        Random random = new Random(8);
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_";
        String longKey = IntStream.range(0, 120).mapToObj(i -> String.valueOf(alphabet.charAt(random.nextInt(64))))
                .collect(Collectors.joining());
        return List.of(
                "7f3a9c21d0b84e65a1c3f09e2b7d4c8a5e6f1b20",
                "sk-Live_7f3a9c21+d0/nOt==leak",
                "quote\"and\\backslash-0a1b2c3d",
                "tab\tinside-9f8e7d6c5b4a",
                "caf\u00e9-cl\u00e9-\u00fcber-123456",
                "\u043a\u043b\u044e\u0447-\u0441\u0435\u043a\u0440\u0435\u0442-42",
                longKey);
    }

    /** How a line can show the key: each header HttpClient's headers and wire logs print, and exception texts. */
    static List<String> linesShowing(String key) {
        List<String> lines = new ArrayList<>();
        lines.add("http-outgoing-0 >> Authorization: Bearer " + key);
        lines.add("http-outgoing-0 >> \"Authorization: Bearer " + SecretMask.wire(key) + "[\\r][\\n]\"");
        for (int length = 0; length <= 7; length++) {
            String basic = "Basic " + base64("ops-admin".substring(0, length) + ":" + key);
            lines.add("http-outgoing-3 >> Authorization: " + basic);
            lines.add("http-outgoing-3 >> \"Authorization: " + basic + "[\\r][\\n]\"");
        }
        lines.add("feign.FeignException: rejected key " + key + " at line 3");
        lines.add(key);
        lines.add(key + key);
        return lines;
    }

    @ParameterizedTest
    @MethodSource("keys")
    void everyLineThatShowsAKeyShowsTheMaskInstead(String key) {
        SecretMask mask = new SecretMask();
        mask.add(key);

        for (String line : linesShowing(key)) {
            String masked = mask.apply(line);
            assertThat(masked).as(line).contains(SecretMask.MASK);
            assertNoPieceOf(key, masked);
        }
        assertThat(mask.apply("http-outgoing-0 >> Authorization: Bearer " + key))
                .isEqualTo("http-outgoing-0 >> Authorization: Bearer ****");
        // base64's first two characters of ":key" also encode the colon: they stay
        assertThat(mask.apply("Authorization: Basic " + base64(":" + key)))
                .isEqualTo("Authorization: Basic " + base64(":" + key).substring(0, 2) + "****");
    }

    @ParameterizedTest
    @MethodSource("keys")
    void aWireLineCutAnywhereKeepsNoEightCharactersOfTheKeyInEitherPiece(String key) {
        SecretMask mask = new SecretMask();
        mask.add(key);
        List<String> lines = List.of(
                "\"Authorization: Bearer " + SecretMask.wire(key) + "[\\r][\\n]\"",
                "\"Authorization: Basic " + base64("ops-admin:" + key) + "[\\r][\\n]\"",
                "\"Authorization: Basic " + base64(":" + key) + "[\\r][\\n]\"");
        for (String line : lines) {
            for (int cut = 0; cut <= line.length(); cut++) {
                // the wire logger quotes each piece it prints
                assertNoPieceOf(key, mask.apply("http-outgoing-0 >> " + line.substring(0, cut) + "\""));
                assertNoPieceOf(key, mask.apply("http-outgoing-0 >> \"" + line.substring(cut)));
            }
        }
    }

    @Test
    void linesWithoutARegisteredKeyAreUnchanged() {
        SecretMask mask = new SecretMask();
        String key = "7f3a9c21d0b84e65a1c3f09e2b7d4c8a5e6f1b20";
        List<String> ordinary = List.of("plan: 12 operations, 0 held back", "http-outgoing-0 >> Authorization: Bearer "
                + key.substring(1, 8) + "-" + key.substring(key.length() - 7), "Basic " + base64("ops-admin:another-key"), "", "****");
        ordinary.forEach(line -> assertThat(mask.apply(line)).isEqualTo(line));
        mask.add(key);
        ordinary.forEach(line -> assertThat(mask.apply(line)).isEqualTo(line));
        assertThat(mask.apply(null)).isNull();
    }

    @Test
    void severalKeysAreAllMaskedAndAShortKeyDoesNotMaskItsTinyBase64Forms() {
        SecretMask mask = new SecretMask();
        List<String> keys = IntStream.range(0, 5).mapToObj(i -> "key-" + i + "-" + "abcdef".repeat(i + 2)).toList();
        keys.forEach(mask::add);
        keys.forEach(mask::add);    // again: nothing changes
        String line = String.join(" | ", keys);
        assertThat(mask.apply(line)).isEqualTo("**** | **** | **** | **** | ****");

        SecretMask shortKey = new SecretMask();
        shortKey.add("q");
        assertThat(shortKey.apply("quiet q")).isEqualTo("****uiet ****");
        assertThat(shortKey.apply("cQ== is base64 of q")).isEqualTo("**** is base64 of ****");
        assertThat(shortKey.apply("E= and x stay")).isEqualTo("E= and x stay");
    }

    @Test
    void everyApiKeyMadeIsMaskedInTheLogsOfThisProcess() {
        // other tests of this JVM made keys too, so only these keys' own text is asserted on
        String value = "registered-on-creation-" + UUID.randomUUID();
        assertThat(SecretMask.mask(value)).isEqualTo(value);
        ApiKey.of(value);
        assertThat(SecretMask.mask(value)).isEqualTo(SecretMask.MASK);
        String fromEnvironment = "read-from-the-environment-" + UUID.randomUUID();
        assertThat(SecretMask.mask(fromEnvironment)).isEqualTo(fromEnvironment);
        ApiKey.fromEnvironment("K", Map.of("K", fromEnvironment + "\n"));
        assertThat(SecretMask.mask(fromEnvironment)).isEqualTo(SecretMask.MASK);
    }

    /** Neither the key, the key as wired, nor any eight characters in a row of either, nor its Basic base64. */
    private static void assertNoPieceOf(String key, String masked) {
        for (String form : List.of(key, SecretMask.wire(key))) {
            for (int start = 0; start + SecretMask.FRAGMENT <= form.length(); start++) {
                assertThat(masked).doesNotContain(form.substring(start, start + SecretMask.FRAGMENT));
            }
        }
        for (int length = 0; length <= 7; length++) {
            String credential = base64("ops-admin".substring(0, length) + ":" + key);
            assertThat(masked).doesNotContain(credential);
            String ofKey = credential.substring(sharedWithPrefix(length + 1));
            for (int start = 0; start + SecretMask.FRAGMENT <= ofKey.length(); start++) {
                assertThat(masked).doesNotContain(ofKey.substring(start, start + SecretMask.FRAGMENT));
            }
        }
    }

    /** The leading base64 characters that also encode a prefix of this many bytes (the rest encode the key alone). */
    private static int sharedWithPrefix(int prefixBytes) {
        int rest = prefixBytes % 3;
        return 4 * (prefixBytes / 3) + (rest == 0 ? 0 : rest + 1);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
