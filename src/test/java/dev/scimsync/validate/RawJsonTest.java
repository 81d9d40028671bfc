package dev.scimsync.validate;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class RawJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void writesWhatJacksonWrites() {
        StringBuilder every = new StringBuilder();
        for (char c = 0; c < 0x100; c++) {
            every.append(c);
        }
        List<List<String>> rows = new ArrayList<>(List.of(List.of(), List.of(""), List.of("a", " b ", ""),
                List.of(every.toString()), List.of("é😀\u2028\u2029\ud800", "\"quoted\", \\back\\"),
                Arrays.asList("x", null)));
        Random random = new Random(3);
        for (int i = 0; i < 2000; i++) {
            List<String> row = new ArrayList<>();
            for (int f = random.nextInt(6); f > 0; f--) {
                char[] chars = new char[random.nextInt(12)];
                for (int k = 0; k < chars.length; k++) {
                    chars[k] = (char) (random.nextBoolean() ? random.nextInt(0x80) : random.nextInt(0x10000));
                }
                row.add(new String(chars));
            }
            rows.add(row);
        }
        for (List<String> row : rows) {
            assertThat(RawJson.array(row)).isEqualTo(JSON.writeValueAsString(row));
        }
    }
}
