package dev.scimsync.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedList;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A first pass over the job file's tokens, before binding: finds an empty file, a file that is not one mapping,
 * duplicate keys and keys that would hold a secret, and remembers where each key was written (the binder only
 * knows where it stopped). Malformed YAML surfaces here as a parser exception.
 *
 * @param problems the problems found, without the file prefix: every key that would hold a secret, then at most one
 *                 that stops the file from being bound at all
 * @param bindable false when the file cannot be bound (empty, not one mapping, a duplicate key)
 * @param keys     dotted key → the position of the key itself
 */
record YamlScan(List<String> problems, boolean bindable, Map<String, TokenStreamLocation> keys) {

    private static final Set<String> SECRET_KEYS = Set.of("token", "apikey", "password", "secret");

    static YamlScan of(YAMLMapper yaml, String text) {
        Map<String, TokenStreamLocation> keys = new HashMap<>();
        List<String> problems = new ArrayList<>();
        try (JsonParser p = yaml.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null || first == JsonToken.VALUE_NULL) {
                return unbindable(problems, "the job file is empty", keys);
            }
            if (first != JsonToken.START_OBJECT) {
                return unbindable(problems, "the job file must be a mapping of keys (target, inputs, policy, limits,"
                        + " out)" + JacksonErrors.at(p.currentTokenLocation()), keys);
            }
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.PROPERTY_NAME) {
                    String key = dotted(p.streamReadContext());
                    keys.put(key, p.currentTokenLocation());
                    if (isSecret(p.currentName())) {
                        problems.add(key + " is not allowed: secrets never go in job files; put the key in an"
                                + " environment variable and name that variable with token-env"
                                + JacksonErrors.at(p.currentTokenLocation()));
                    }
                }
                if (p.streamReadContext().inRoot() && t.isStructEnd() && p.nextToken() != null) {
                    return unbindable(problems, "the job file must hold one YAML document"
                            + JacksonErrors.at(p.currentTokenLocation()), keys);
                }
            }
            return new YamlScan(problems, true, keys);
        } catch (StreamReadException e) {
            if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate")) {
                String key = e.processor() == null ? "" : dotted(e.processor().streamReadContext());
                return unbindable(problems, "duplicate key '" + key + "'" + JacksonErrors.at(e.getLocation()), keys);
            }
            return unbindable(problems, JacksonErrors.malformed(e), keys);
        }
    }

    private static YamlScan unbindable(List<String> problems, String problem, Map<String, TokenStreamLocation> keys) {
        problems.add(problem);
        return new YamlScan(problems, false, keys);
    }

    static boolean isSecret(String key) {
        return key != null && SECRET_KEYS.contains(key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", ""));
    }

    /** The dotted key of the parser's position, e.g. {@code target.token} or {@code policy.protected-users[2]}. */
    static String dotted(TokenStreamContext ctx) {
        LinkedList<Object> segments = new LinkedList<>();
        for (TokenStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
            segments.addFirst(c.inObject() ? c.currentName() : (Object) c.getCurrentIndex());
        }
        return JacksonErrors.dotted(segments);
    }
}
