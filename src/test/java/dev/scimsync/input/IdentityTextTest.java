package dev.scimsync.input;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Identity text over whole classes of characters: every invisible, control and non-ASCII space code point. */
class IdentityTextTest {

    private static final String KEY = "alice@example.com";

    static List<Integer> forbidden() {
        return InvisibleCharacters.forbidden();
    }

    @Test
    void theForbiddenClassesHoldTheCharactersThatFooledTheToolBefore() {
        assertThat(forbidden()).contains(0x200B, 0x202E, 0xFEFF, 0x00A0, 0x2060, 0x200D, 0x0009, 0x0000, 0x3000,
                0x2028, 0xE0001).doesNotContain((int) ' ', (int) 'a', 0x00E9);
    }

    @Test
    void everyForbiddenCharacterAnywhereInAKeyIsNamedAsACodePoint() {
        List<String> missed = new ArrayList<>();
        for (int c : forbidden()) {
            String ch = Character.toString(c);
            for (String value : List.of(ch + KEY, "alice" + ch + "@example.com", KEY + ch)) {
                String problem = IdentityText.invisibleProblem(value);
                String code = String.format("U+%04X", c);
                if (problem == null || !problem.contains(code)
                        || !IdentityText.visible(value, 100).contains("<" + code + ">")) {
                    missed.add(code + " in " + IdentityText.visible(value, 100) + ": " + problem);
                }
            }
        }
        assertThat(missed).isEmpty();
    }

    @Test
    void everyForbiddenCharacterLeavesTheLooseKeyOfTheRealAccount() {
        List<String> missed = new ArrayList<>();
        for (int c : forbidden()) {
            String ch = Character.toString(c);
            for (String value : List.of(ch + KEY, "ali" + ch + "ce@example.com", "ALICE@Example.com" + ch)) {
                if (!IdentityText.loose(value).equals(KEY)) {
                    missed.add(String.format("U+%04X", c));
                }
            }
        }
        assertThat(missed).isEmpty();
    }

    @Test
    void visibleKeysPassAndKeepTheirSpacesInside() {
        assertThat(IdentityText.invisibleProblem(KEY)).isNull();
        assertThat(IdentityText.invisibleProblem("Machine Learning Research")).isNull();
        assertThat(IdentityText.invisibleProblem("zoë@bücher.example")).isNull();
        assertThat(IdentityText.invisibleProblem("名前@例え.jp")).isNull();
    }

    @ParameterizedTest
    @MethodSource("lookAlikes")
    void looseKeysFoldCaseWidthAndCompatibilityForms(String lookAlike) {
        assertThat(IdentityText.loose(lookAlike)).isEqualTo(KEY);
    }

    static List<String> lookAlikes() {
        return List.of("Alice@Example.COM", "ａｌｉｃｅ＠ｅｘａｍｐｌｅ．ｃｏｍ", "alice @ example.com",
                "ALİCE@example.com".replace("İ", "I"), "\u00A0alice@example.com\u3000");
    }

    @ParameterizedTest
    @MethodSource("wrappedEmails")
    void anEmailWrittenWithANameOrAPrefixProtectsTheAddressItHolds(String written) {
        assertThat(IdentityText.looseEmail(written)).isEqualTo(KEY);
    }

    static List<String> wrappedEmails() {
        return List.of("Alice Ng <alice@example.com>", "mailto:alice@example.com", "\"alice@example.com\"",
                "<alice@example.com>", "(alice@example.com)", "alice@example.com;", "alice@example.com,",
                "MAILTO:Alice@Example.com\u200B", "[alice@example.com]");
    }

    @Test
    void freeTextMayKeepJoinersButNeverControlCharacters() {
        assertThat(IdentityText.controlProblem("👩\u200D💻 Dev")).isNull();
        assertThat(IdentityText.controlProblem("می\u200Cخواهم")).isNull();
        List<String> missed = new ArrayList<>();
        for (int c = 0; c <= 0x9F; c++) {
            if (Character.getType(c) == Character.CONTROL
                    && (IdentityText.controlProblem("Ann" + (char) c + "Lee") == null)) {
                missed.add(String.format("U+%04X", c));
            }
        }
        assertThat(missed).isEmpty();
    }

    @Test
    void visibleCutsLongValuesShort() {
        assertThat(IdentityText.visible("x".repeat(1_000_000), 60)).hasSize(63).endsWith("...");
    }

    @Test
    void aLooseKeyTooLongToNameAnythingIsNotKept() {
        assertThat(IdentityText.kept("a".repeat(IdentityText.MAX_LOOSE_KEY))).isNotNull();
        assertThat(IdentityText.kept("a".repeat(IdentityText.MAX_LOOSE_KEY + 1))).isNull();
        assertThat(IdentityText.kept("")).isNull();
    }
}
