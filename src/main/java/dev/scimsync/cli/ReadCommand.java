package dev.scimsync.cli;

import dev.scimsync.job.ExitCodes;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.BadSqlGrammarException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.util.concurrent.Callable;

/**
 * A command that only reads the state database: opens it with plain JDBC ({@link StateReader}), reads, prints; no job
 * file, no target, no Spring application. It answers as fast as the JVM starts and the database opens.
 */
abstract class ReadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StateDbOption stateDb;

    @Mixin
    LogFormat logFormat;

    /** Does the command's work on the open state database; returns the exit code. */
    abstract int read(StateReader state, PrintWriter out, PrintWriter err);

    @Override
    public Integer call() throws SQLException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StateReader state;
        try {
            state = StateReader.open(stateDb.url);
        } catch (SQLException e) {
            // a database that cannot be reached, is locked or refuses the login: the user's setting, not a bug
            LoggerFactory.getLogger(ReadCommand.class).debug("the state database could not be opened", e);
            err.println("scim-sync: " + StateDbErrors.explain(e, stateDb.url));
            return ExitCodes.ABORTED;
        }
        // the answer is a few dozen lines: held back until it is whole, so that a read that fails half-way prints
        // its one-line reason instead of a table cut short
        StringWriter answer = new StringWriter();
        try (state) {
            int code = read(state, new PrintWriter(answer), err);
            out.print(answer);
            return code;
        } catch (BadSqlGrammarException e) {
            LoggerFactory.getLogger(ReadCommand.class).debug("the state database could not be read", e);
            err.println("scim-sync: " + StateDbErrors.unreadable(e));
            return ExitCodes.ABORTED;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
