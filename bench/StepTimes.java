import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sums the durations of a run's steps whose names match a regular expression, from its summary.json (JDK only):
 * {@code java bench/StepTimes.java <summary.json> <regex>} prints seconds, e.g. {@code 1.234}.
 */
public class StepTimes {

    private static final Pattern STEP = Pattern.compile(
            "\"name\"\\s*:\\s*\"([^\"]+)\"\\s*,\\s*\"status\"[^{}]*?\"millis\"\\s*:\\s*(\\d+)");

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: java bench/StepTimes.java <summary.json> <regex>");
            System.exit(2);
        }
        Pattern wanted = Pattern.compile(args[1]);
        Matcher m = STEP.matcher(Files.readString(Path.of(args[0])));
        long millis = 0;
        while (m.find()) {
            if (wanted.matcher(m.group(1)).find()) {
                millis += Long.parseLong(m.group(2));
            }
        }
        System.out.printf("%.3f%n", millis / 1000.0);
    }
}
