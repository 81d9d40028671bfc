package dev.scimsync.config;

import java.util.List;
import java.util.Locale;

/**
 * The five time fields of a crontab line, checked as Debian's cron (Vixie cron) reads them: {@code *}, numbers,
 * ranges {@code a-b}, steps {@code *}{@code /n} and {@code a-b/n}, lists {@code a,b}, and month and day names (alone, not
 * in ranges or lists with other items: cron(5) says "ranges or lists of names are not allowed"). Or an {@code @}
 * keyword instead of the five fields.
 */
record CronLine(String schedule, String command) {

    private record Field(String name, int min, int max, List<String> names) {
    }

    private static final List<Field> FIELDS = List.of(
            new Field("minute", 0, 59, List.of()),
            new Field("hour", 0, 23, List.of()),
            new Field("day of month", 1, 31, List.of()),
            new Field("month", 1, 12, List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                    "nov", "dec")),
            new Field("day of week", 0, 7, List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat")));
    private static final List<String> KEYWORDS = List.of("@reboot", "@yearly", "@annually", "@monthly", "@weekly",
            "@daily", "@midnight", "@hourly");

    /** Parses a job line (not a comment or an environment setting); throws IllegalArgumentException naming the fault. */
    static CronLine parse(String line) {
        String[] parts = line.strip().split("\\s+", 6);
        if (parts[0].startsWith("@")) {
            if (!KEYWORDS.contains(parts[0].toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("unknown keyword " + parts[0]);
            }
            return new CronLine(parts[0], line.strip().substring(parts[0].length()).strip());
        }
        if (parts.length < 6) {
            throw new IllegalArgumentException("fewer than five time fields and a command: " + line);
        }
        for (int i = 0; i < FIELDS.size(); i++) {
            check(FIELDS.get(i), parts[i]);
        }
        return new CronLine(String.join(" ", List.of(parts).subList(0, 5)), parts[5]);
    }

    private static void check(Field field, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (field.names().contains(lower)) {
            return;
        }
        for (String item : text.split(",", -1)) {
            String[] stepped = item.split("/", -1);
            if (stepped.length > 2) {
                throw fault(field, text);
            }
            if (stepped.length == 2) {
                int step = number(field, stepped[1], text);
                if (step < 1 || step > field.max()) {
                    throw fault(field, text);
                }
            }
            String range = stepped[0];
            if (range.equals("*")) {
                continue;
            }
            if (stepped.length == 2 && !range.contains("-")) {
                throw fault(field, text); // "5/10" is not Vixie cron: a step needs * or a range
            }
            String[] ends = range.split("-", -1);
            if (ends.length > 2) {
                throw fault(field, text);
            }
            int from = inRange(field, number(field, ends[0], text), text);
            if (ends.length == 2 && inRange(field, number(field, ends[1], text), text) < from) {
                throw fault(field, text);
            }
        }
    }

    private static int inRange(Field field, int value, String text) {
        if (value < field.min() || value > field.max()) {
            throw fault(field, text);
        }
        return value;
    }

    private static int number(Field field, String text, String whole) {
        if (!text.matches("[0-9]{1,2}")) {
            throw fault(field, whole);
        }
        return Integer.parseInt(text);
    }

    private static IllegalArgumentException fault(Field field, String text) {
        return new IllegalArgumentException("bad " + field.name() + " field: " + text);
    }

    /** True for a line cron reads as an environment setting, e.g. MAILTO=ops@example.com. */
    static boolean isSetting(String line) {
        return line.strip().matches("[A-Za-z_][A-Za-z0-9_]*\\s*=.*");
    }

}
