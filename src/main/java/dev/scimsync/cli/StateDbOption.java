package dev.scimsync.cli;

import picocli.CommandLine.Option;

/** Where job state lives. */
final class StateDbOption {

    @Option(names = "--state-db", paramLabel = "JDBC-URL",
            description = "State database (default: an H2 file under .scim-sync/ in the working directory).")
    String url;
}
