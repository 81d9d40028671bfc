package dev.scimsync.cli;

import dev.scimsync.job.ExitCodes;
import dev.scimsync.report.ExplanationRepository;
import dev.scimsync.state.RunRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code scim-sync explain EMAIL|TEAM}: what the inputs ask of a user or team, what the target held when a run last
 * looked, and what recent runs did about it. The W&B SDK's {@code user(...)} and {@code User.teams}, from the
 * state database: it sends no request.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Show a user's (EMAIL) or a team's (TEAM) desired and actual state and recent operations.")
final class ExplainCommand extends ReadCommand {

    private static final int RUNS = 5;

    @Parameters(index = "0", paramLabel = "EMAIL-OR-TEAM")
    String key;

    @Override
    int read(StateReader state, PrintWriter out, PrintWriter err) {
        ExplanationRepository explanations = state.explanations();
        boolean user = key.contains("@");
        String lower = key.toLowerCase(Locale.ROOT);
        Optional<RunRecord> run = explanations.latestRunAbout(lower, user);
        if (run.isEmpty()) {
            err.println("scim-sync: no run has seen " + (user ? "user " : "team ") + key);
            return ExitCodes.USAGE;
        }
        out.printf("%s %s, as of run %s (%s, %s)%n", user ? "user" : "team", key, run.get().runId(),
                run.get().command(), run.get().startedAt());
        List<ExplanationRepository.Fact> facts = user ? explanations.user(run.get().runId(), lower)
                : explanations.team(run.get().runId(), lower);
        out.printf("  %-32s %-36s %s%n", "", "desired (inputs)", "actual (target)");
        facts.forEach(f -> out.printf("  %-32s %-36s %s%n", f.subject(), f.desired(), f.actual()));
        List<ExplanationRepository.Step> steps = explanations.steps(lower, RUNS);
        out.println(steps.isEmpty() ? "  no operation in the last " + RUNS + " runs"
                : "  operations in the last " + RUNS + " runs:");
        steps.forEach(s -> out.printf("    %s %-6s %-15s %-40s %-8s %s%n", s.runId(), s.command(), s.action(),
                s.key(), s.state(), s.detail() == null ? "" : s.detail()));
        return ExitCodes.OK;
    }
}
