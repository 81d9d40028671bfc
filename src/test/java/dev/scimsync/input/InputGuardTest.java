package dev.scimsync.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputGuardTest {

    @TempDir
    Path dir;

    @Test
    void countsDataRecordsAndChecksumsTheRawBytes() throws IOException {
        Path file = Files.writeString(dir.resolve("teams.csv"), "team\nalpha\n\nbeta\n\"gam\nma\"\n");

        InputFileInfo info = InputGuard.inspect(InputKind.TEAMS, file, "samples/teams.csv", Map.of());

        assertThat(info).isEqualTo(new InputFileInfo(InputKind.TEAMS, "samples/teams.csv",
                InputGuard.sha256(file), 3, List.of("team")));
    }

    @Test
    void keepsTheHeaderExactlyAsTheFileHasIt() throws IOException {
        Path file = Files.writeString(dir.resolve("users.csv"),
                "\uFEFFWork Email ,\"Name, full\",Notes\nalice@example.com,\"Ng, A\",x\n");

        InputFileInfo info = InputGuard.inspect(InputKind.USERS, file, "users.csv", Map.of("email", "Work Email"));

        assertThat(info.header()).containsExactly("Work Email ", "Name, full", "Notes");
    }

    @Test
    void hashesBytesAsLowerCaseHex() throws IOException {
        Path file = Files.write(dir.resolve("abc.csv"), "abc".getBytes(StandardCharsets.US_ASCII));

        assertThat(InputGuard.sha256(file))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void rejectsAProblemAtTheEndOfTheFileBeforeReturning() throws IOException {
        Path file = Files.writeString(dir.resolve("users.csv"), "email\na@example.com\nb@example.com\n\"c@example.com\n");

        assertThatThrownBy(() -> InputGuard.inspect(InputKind.USERS, file, "users.csv", Map.of()))
                .isInstanceOf(InputRejectedException.class)
                .hasMessageStartingWith("users.csv line 4: a quoted field starting on this line is never closed");
    }

    @Test
    void rejectsAMissingFile() {
        assertThatThrownBy(() -> InputGuard.inspect(InputKind.ROLES, dir.resolve("roles.csv"), "roles.csv", Map.of()))
                .isInstanceOf(InputRejectedException.class)
                .hasMessage("roles.csv: file not found");
    }
}
