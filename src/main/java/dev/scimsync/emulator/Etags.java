package dev.scimsync.emulator;

/** Weak entity tags {@code W/"<version>"} and the {@code If-Match} precondition. */
final class Etags {

    private Etags() {
    }

    static String of(long version) {
        return "W/\"" + version + "\"";
    }

    /**
     * Passes when {@code ifMatch} is absent, {@code *}, or lists the current version (weak {@code W/"n"} or
     * strong {@code "n"}); answers 412 otherwise.
     */
    static void requireMatch(String ifMatch, long version) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        String weak = of(version);
        String strong = weak.substring(2);
        for (String tag : ifMatch.split(",")) {
            String candidate = tag.trim();
            if (candidate.equals("*") || candidate.equals(weak) || candidate.equals(strong)) {
                return;
            }
        }
        throw new ScimException(412, null,
                "If-Match " + ifMatch.trim() + " does not match the current version " + weak, java.util.Map.of());
    }
}
