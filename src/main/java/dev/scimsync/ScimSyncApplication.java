package dev.scimsync;

import dev.scimsync.cli.ScimSyncCommand;

/**
 * Entry point: the command line decides what runs. Commands that need Spring (the batch job) start their own
 * application context, so {@code --help}, {@code --version} and {@code emulator} start fast.
 */
public final class ScimSyncApplication {

    private ScimSyncApplication() {
    }

    public static void main(String[] args) {
        // H2 looks every string it reads or binds up in a shared cache of recent values, hashing each one (raw
        // rows included): measurable when loading and reading hundreds of thousands of rows, and of no use here
        if (System.getProperty("h2.objectCache") == null) {
            System.setProperty("h2.objectCache", "false");
        }
        System.exit(ScimSyncCommand.commandLineFor(args).execute(args));
    }
}
