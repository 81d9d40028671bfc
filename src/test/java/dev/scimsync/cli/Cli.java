package dev.scimsync.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process through picocli's {@code execute()}, capturing what it prints. */
final class Cli {

    final int exitCode;
    final String out;
    final String err;

    private Cli(int exitCode, String out, String err) {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
    }

    /** Runs {@code args} on the command line {@code main} builds for them (only the subcommand they name). */
    static Cli run(String... args) {
        return run(ScimSyncCommand.commandLineFor(args), args);
    }

    /** Runs with {@code env} as the environment of the commands that read it themselves ({@code check-target}). */
    static Cli runWith(java.util.Map<String, String> env, String... args) {
        return run(ScimSyncCommand.commandLine(() -> env, args), args);
    }

    private static Cli run(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Cli(code, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
