package dev.scimsync.report;

import dev.scimsync.plan.OpKind;
import dev.scimsync.plan.OpState;
import dev.scimsync.report.ResultRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FailedRowsTest {

    @TempDir
    Path dir;

    @Test
    void writesInvalidAndFailedRowsUnderTheInputsOwnHeaderWithAReasonLast() throws IOException {
        try (FailedRows failed = new FailedRows(dir, Map.of("users", List.of("Work Email", "Role", "Notes")))) {
            failed.accept(invalid(2, "[\"bad\",\"owner\",\"=1+1\"]", "Role: unknown org role 'owner'"),
                    RowStatus.INVALID);
            failed.accept(failedOp(3, "[\"ann@example.com\",\"member\",\"\"]"), RowStatus.FAILED);
            failed.accept(failedOp(4, "[\"ok@example.com\",\"member\",\"\"]"), RowStatus.CREATED);
            failed.accept(invalid(5, "[\"short@example.com\"]", "expected 3 fields, found 1"), RowStatus.INVALID);
        }

        assertThat(Files.readAllLines(dir.resolve("failed-users.csv"))).containsExactly(
                "Work Email,Role,Notes,reason",
                "bad,owner,'=1+1,Role: unknown org role 'owner'",
                "ann@example.com,member,,\"failed (create, HTTP 400, invalidValue): userName taken\"",
                "short@example.com,,,\"expected 3 fields, found 1\"");
    }

    @Test
    void aFileFedBackKeepsOneReasonColumn() throws IOException {
        try (FailedRows failed = new FailedRows(dir, Map.of("users", List.of("email", "reason")))) {
            failed.accept(invalid(2, "[\"bad\",\"old reason\"]", "email: not an email address"), RowStatus.INVALID);
        }

        assertThat(Files.readAllLines(dir.resolve("failed-users.csv")))
                .containsExactly("email,reason", "bad,email: not an email address");
    }

    @Test
    void anInputWithNoFailedRowGetsAFileWithItsHeaderOnly() throws IOException {
        new FailedRows(dir, Map.of("users", List.of("email"))).close();

        assertThat(Files.readAllLines(dir.resolve("failed-users.csv"))).containsExactly("email,reason");
    }

    private static ResultRow invalid(long line, String raw, String reason) {
        return new ResultRow("users", line, "k", null, null, null, null, null, null, 0, null, reason, raw);
    }

    private static ResultRow failedOp(long line, String raw) {
        return new ResultRow("users", line, "k", OpKind.CREATE_USER, OpState.FAILED, null, 400, "invalidValue",
                "userName taken", 1, null, null, raw);
    }
}
