package dev.scimsync.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class InputGuardTest {

    @TempDir
    Path dir;

    @Test
    void countsDataRecordsAndChecksumsTheRawBytes() throws IOException {
        Path file = Files.writeString(dir.resolve("teams.csv"), "team\nalpha\n\nbeta\n\"gam\nma\"\n");

        InputFileInfo info = InputGuard.inspect(InputKind.TEAMS, file, "samples/teams.csv", Map.of());

        assertThat(info).isEqualTo(new InputFileInfo(InputKind.TEAMS, "samples/teams.csv",
                InputGuard.sha256(file), 3, 3, List.of("team")));
    }

    @Test
    void countsTheRowsThatCarryAKeyApartFromThoseThatDoNot() throws IOException {
        Map<InputKind, String> files = Map.of(
                InputKind.USERS, "email,display_name\na@x.io,A\n,Nameless\n\" \",x\nb@x.io,\n,,\n",
                InputKind.TEAMS, "team,notes\nalpha,\n,orphan note\n,,\nbeta,\n",
                InputKind.MEMBERSHIPS, "team,email,role\nalpha,a@x.io,\nalpha,,admin\n,b@x.io,\n,,member\n,,\nbeta,b@x.io,\n",
                InputKind.ROLES, "name,inherited_from\nops,member\n,member\nops2,\n,\n");
        files.forEach((kind, content) -> {
            try {
                Path file = Files.writeString(dir.resolve(kind.id() + ".csv"), content);

                InputFileInfo info = InputGuard.inspect(kind, file, kind.id() + ".csv", Map.of());

                assertThat(info.keyedRows()).as(kind.id()).isEqualTo(2);
                assertThat(info.rows()).as(kind.id()).isEqualTo(content.lines().skip(1)
                        .filter(l -> !l.replaceAll("[,\" ]", "").isEmpty()).count());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
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
