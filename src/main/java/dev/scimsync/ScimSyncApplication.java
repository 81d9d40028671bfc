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
        System.exit(ScimSyncCommand.commandLine().execute(args));
    }
}
