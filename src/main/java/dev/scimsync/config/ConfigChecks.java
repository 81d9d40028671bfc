package dev.scimsync.config;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path.Node;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks an effective configuration: Bean Validation on the records' components, then the rules that span
 * several keys. Each problem names the dotted kebab-case key and, where there was one, the rejected value.
 */
final class ConfigChecks {

    private static final List<String> SECTIONS = List.of("name", "target", "inputs", "policy", "limits", "out");
    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();

    private ConfigChecks() {
    }

    /** The problems, in job file order; {@code options} maps overridden keys to the option that set them. */
    static List<String> problems(JobConfig config, Map<String, String> options) {
        Validator validator = FACTORY.getValidator();
        List<String> problems = new ArrayList<>();
        for (ConstraintViolation<JobConfig> v : validator.validate(config)) {
            String key = key(v.getPropertyPath());
            String from = options.containsKey(key) ? ", from " + options.get(key) : "";
            problems.add(key + " " + v.getMessage()
                    + (v.getInvalidValue() == null ? "" : " (was " + shown(v.getInvalidValue()) + from + ")"));
        }
        if (config.target() != null) {
            crossTarget(config.target(), problems);
        }
        if (config.inputs() != null) {
            crossInputs(config.inputs(), problems);
        }
        if (config.target() != null && config.inputs() != null && config.inputs().roles() != null
                && "scim2".equals(config.target().dialect())) {
            problems.add("inputs.roles: the scim2 dialect has no custom roles (/Roles is a W&B extension); remove"
                    + " roles.csv from this job or use dialect wandb");
        }
        if (config.target() != null && config.inputs() != null && config.inputs().serviceAccounts() != null
                && "scim2".equals(config.target().dialect())) {
            problems.add("inputs.service-accounts: the scim2 dialect has no service accounts (they are made through"
                    + " W&B's GraphQL API); remove service-accounts.csv from this job or use dialect wandb");
        }
        problems.sort(Comparator.comparingInt((String p) -> SECTIONS.indexOf(p.split("[. ]", 2)[0]))
                .thenComparing(Comparator.naturalOrder()));
        return problems;
    }

    private static void crossTarget(TargetConfig target, List<String> problems) {
        if (target.username() != null && "bearer".equals(target.auth())) {
            problems.add("target.username is only used with auth: basic");
        }
        if (target.proxy() != null && target.proxy().contains("@")) {
            problems.add("target.proxy must not hold credentials: put user:password in an environment variable and"
                    + " name it with target.proxy-credentials-env");
        }
    }

    private static void crossInputs(InputsConfig inputs, List<String> problems) {
        if (inputs.users() == null && inputs.teams() == null && inputs.memberships() == null
                && inputs.roles() == null && inputs.serviceAccounts() == null) {
            problems.add("inputs needs at least one of users, teams, memberships, roles, service-accounts");
        }
        inputs.columns().forEach((kind, renamed) -> {
            List<String> known = InputsConfig.KNOWN_COLUMNS.get(kind);
            if (known == null) {
                problems.add("inputs.columns." + kind + " is not an input kind (one of "
                        + String.join(", ", InputsConfig.KNOWN_COLUMNS.keySet()) + ")");
            } else {
                columns("inputs.columns." + kind, kind, known, renamed, problems);
            }
        });
        if (inputs.delimiter() != null && inputs.delimiterChar() == null) {
            problems.add("inputs.delimiter must be ',', ';' or tab (was " + shown(inputs.delimiter())
                    + "); leave it out to tell it from each file's header line");
        }
        if (inputs.encoding() != null
                && !InputsConfig.ENCODINGS.contains(inputs.encoding().strip().toLowerCase(Locale.ROOT))) {
            problems.add("inputs.encoding must be one of " + String.join(", ", InputsConfig.ENCODINGS)
                    + " (was " + shown(inputs.encoding()) + ")");
        }
        ValueMappings.check(inputs.values(), problems);
    }

    /** Renamed columns must be known, name a header, and leave every column of the file a header of its own. */
    private static void columns(String prefix, String kind, List<String> known, Map<String, String> renamed,
                                List<String> problems) {
        renamed.keySet().stream().filter(c -> !known.contains(c)).forEach(c -> problems.add(
                prefix + "." + c + " is not a column of " + kind + " (one of " + String.join(", ", known) + ")"));
        Map<String, String> columnByHeader = new LinkedHashMap<>();
        for (String column : known) {
            String header = renamed.getOrDefault(column, column);
            if (header == null || header.isBlank()) {
                problems.add(prefix + "." + column + " must name a header of the " + kind + " file");
                continue;
            }
            String other = columnByHeader.putIfAbsent(header.strip().toLowerCase(Locale.ROOT), column);
            if (other != null) {
                String key = renamed.containsKey(column) ? column : other;
                problems.add(prefix + "." + key + " uses header '" + header + "', which column "
                        + (key.equals(column) ? other : column) + " uses too");
            }
        }
    }

    /** {@code limits.chunkSize} → {@code limits.chunk-size}; list elements as {@code [2]}. */
    private static String key(jakarta.validation.Path path) {
        StringBuilder key = new StringBuilder();
        for (Node node : path) {
            if (node.isInIterable() && node.getIndex() != null) {
                key.append('[').append(node.getIndex()).append(']');
            }
            if (node.getKind() == jakarta.validation.ElementKind.PROPERTY) {
                key.append(key.isEmpty() ? "" : ".").append(kebab(node.getName()));
            }
        }
        return key.toString();
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** The rejected value; credentials in a URL are masked. */
    private static String shown(Object value) {
        if (value instanceof Double d && Double.isFinite(d)) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        if (value instanceof CharSequence s) {
            return "'" + s.toString().replaceAll("//[^/]*@", "//***@") + "'";
        }
        return String.valueOf(value);
    }
}
