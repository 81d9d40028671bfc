package dev.scimsync.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.filter.FilteringParserDelegate;
import tools.jackson.core.filter.TokenFilter;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Binds a whole job file however many keys are wrong: each unknown key, bad value or value of the wrong shape is
 * written down and skipped (a bad value binds as absent), so one run reports them all. As the binder's problem
 * handler it hears of most mistakes and goes on; a mistake the binder throws for instead (a fraction for a whole
 * number) is written down, and the file bound again without that key.
 */
final class BindingProblems extends DeserializationProblemHandler {

    private final Map<String, TokenStreamLocation> keys;
    private final List<String> problems = new ArrayList<>();
    private final Set<String> badValues = new LinkedHashSet<>();
    private JobDocument document;

    private BindingProblems(Map<String, TokenStreamLocation> keys) {
        this.keys = keys;
    }

    /**
     * Binds {@code text}; {@code keys}: where each dotted key was written (from {@link YamlScan}). The document is
     * null when the file could not be bound at all; the problems then say why.
     */
    static BindingProblems bind(YAMLMapper yaml, String text, Map<String, TokenStreamLocation> keys) {
        Set<String> skipped = new LinkedHashSet<>();
        List<String> thrown = new ArrayList<>();
        while (true) {
            BindingProblems bound = new BindingProblems(keys);
            try (JsonParser p = new FilteringParserDelegate(yaml.createParser(text), new Skipping(skipped, ""),
                    TokenFilter.Inclusion.INCLUDE_ALL_AND_PATH, true)) {
                bound.document = yaml.readerFor(JobDocument.class).withHandler(bound).readValue(p);
            } catch (JacksonException e) {
                thrown.add(JacksonErrors.describe(e, keys));
                String key = JacksonErrors.dotted(e.getPath().stream()
                        .map(r -> r.getPropertyName() != null ? r.getPropertyName() : (Object) r.getIndex()).toList());
                if (e instanceof DatabindException && !key.isEmpty() && skipped.add(key)) {
                    continue;
                }
            }
            bound.problems.addAll(thrown);
            bound.badValues.addAll(skipped);
            return bound;
        }
    }

    /** The bound file, bad values left out; null when it could not be bound. */
    JobDocument document() {
        return document;
    }

    /**
     * One line per problem, without the file prefix, in file order (the binder meets a record's unknown keys only
     * once the record is complete).
     */
    List<String> problems() {
        List<String> sorted = new ArrayList<>(problems);
        sorted.sort(JacksonErrors.BY_POSITION);
        return sorted;
    }

    /** The dotted keys whose value was rejected and bound as absent; checks on those keys would only repeat it. */
    Set<String> badValues() {
        return badValues;
    }

    @Override
    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, ValueDeserializer<?> deserializer,
                                         Object beanOrClass, String propertyName) {
        String key = keyOf(p);
        if (!YamlScan.isSecret(propertyName)) { // the scan has said why that key may not be there
            String known = deserializer.getKnownPropertyNames().stream().map(String::valueOf)
                    .collect(Collectors.joining(", "));
            problems.add("unknown key '" + key + "'" + JacksonErrors.at(keys.getOrDefault(key,
                    p.currentTokenLocation())) + "; expected one of " + known);
        }
        p.skipChildren();
        return true;
    }

    @Override
    public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String value,
                                         String failureMsg) {
        return badValue(ctxt.getParser(), JacksonErrors.wrongValue(targetType, value));
    }

    @Override
    public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number value,
                                         String failureMsg) {
        return badValue(ctxt.getParser(), JacksonErrors.wrongValue(targetType, value));
    }

    @Override
    public Object handleInstantiationProblem(DeserializationContext ctxt, Class<?> instClass, Object argument,
                                             Throwable t) {
        if (!(t instanceof IllegalArgumentException)) {
            return NOT_HANDLED;
        }
        return badValue(ctxt.getParser(), t.getMessage());
    }

    @Override
    public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken t, JsonParser p,
                                        String failureMsg) {
        Object none = badShape(p, JacksonErrors.expected(targetType == null ? null : targetType.getRawClass()));
        p.skipChildren();
        return none;
    }

    @Override
    public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> instClass,
                                            ValueInstantiator valueInsts, JsonParser p, String msg) {
        Object none = badShape(p, JacksonErrors.expected(instClass));
        p.skipChildren();
        return none;
    }

    private Object badValue(JsonParser p, String what) {
        return bad(keyOf(p), what, p.currentTokenLocation());
    }

    /** A list or mapping where a single value belongs, or the other way round: placed at its key. */
    private Object badShape(JsonParser p, String what) {
        String key = keyOf(p);
        return bad(key, what, keys.getOrDefault(key, p.currentTokenLocation()));
    }

    private Object bad(String key, String what, TokenStreamLocation at) {
        badValues.add(key);
        problems.add((key.isEmpty() ? "the job file" : key) + " " + what + JacksonErrors.at(at));
        return null;
    }

    /** Leaves out the values of the given dotted keys, so the binder sees them as absent. */
    private static final class Skipping extends TokenFilter {

        private final Set<String> skipped;
        private final String path;

        Skipping(Set<String> skipped, String path) {
            this.skipped = skipped;
            this.path = path;
        }

        @Override
        public TokenFilter includeProperty(String name) {
            return child(path.isEmpty() ? name : path + "." + name);
        }

        @Override
        public TokenFilter includeElement(int index) {
            return child(path + "[" + index + "]");
        }

        private TokenFilter child(String key) {
            return skipped.contains(key) ? null : new Skipping(skipped, key);
        }
    }

    /** The dotted key whose value the parser is on; a mapping or list value has opened a context of its own. */
    private static String keyOf(JsonParser p) {
        TokenStreamContext ctx = p.streamReadContext();
        if (p.currentToken() != null && p.currentToken().isStructStart() && ctx.getParent() != null) {
            ctx = ctx.getParent();
        }
        return YamlScan.dotted(ctx);
    }
}
