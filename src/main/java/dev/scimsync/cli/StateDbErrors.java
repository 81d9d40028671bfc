package dev.scimsync.cli;

/** Explains why the state database could not be opened, in one line. */
final class StateDbErrors {

    private StateDbErrors() {
    }

    static String explain(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("already in use") || message.contains("Database may be already in use")) {
                return "another scim-sync run is using it; only one run at a time may use a state database";
            }
            if (t.getCause() == null) {
                return message.lines().findFirst().orElse(message);
            }
        }
        return String.valueOf(e.getMessage());
    }
}
