package dev.scimsync.plan;

import dev.scimsync.snapshot.RemoteOrg;
import dev.scimsync.snapshot.RemoteRoleRepository.RemoteRole;
import dev.scimsync.validate.DesiredRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The custom role decisions over plain rows: what a run creates, changes and deletes. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class RolePlannerTest {

    /** The target's custom roles, sorted by name as the planner reads them. */
    private static final List<RemoteRole> REMOTE = List.of(
            new RemoteRole("r1", "Auditor", "viewer", "artifact:read", "project:read;run:read", "Reads"),
            new RemoteRole("r2", "Deployer", "member", "run:stop", "project:update;run:create", null),
            new RemoteRole("r4", "Handmade", "viewer", "", "project:read", null),
            new RemoteRole("r3", "Legacy", "viewer", "project:delete;run:stop", "project:read", "Old"));

    private static final Set<String> OWNED = Set.of("Auditor", "Deployer", "Legacy");

    private static final RemoteOrg ORG = RemoteOrg.builder()
            .user(RemoteOrg.User.of("u1", "zoe", "Zoe@example.com", null, "member", true,
                    Map.of("eng", "Legacy", "ops", "Legacy", "sales", "viewer")))
            .user(RemoteOrg.User.of("u2", "adam", "adam@example.com", null, "member", true, Map.of("eng", "Auditor")))
            .user(RemoteOrg.User.of("u3", "svc", null, null, "member", true, Map.of("eng", "Legacy")))
            .build();

    /** One case: rows of roles.csv ("name|inherited_from|permissions|description", from line 2), the operations. */
    record Case(String name, List<String> desired, List<String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> desiredRoles() {
        return Stream.of(
                new Case("a role the target holds as asked costs nothing",
                        List.of("Auditor|viewer|artifact:read|Reads", "Deployer|member|run:stop|"), List.of()),
                new Case("an empty description leaves the target's alone",
                        List.of("Auditor|viewer|artifact:read|"), List.of()),
                new Case("a permission the inherited role also grants is added as the role's own",
                        List.of("Auditor|viewer|artifact:read;run:read|"),
                        List.of("UPDATE_ROLE Auditor roles:2 r1 put=false add=[run:read] remove=[]")),
                new Case("a switch of the inherited role keeps the own permissions: only a PUT",
                        List.of("Deployer|viewer|run:stop|"),
                        List.of("UPDATE_ROLE Deployer roles:2 r2 put=true add=[] remove=[]")),
                new Case("a new permission is added without a PUT",
                        List.of("Auditor|viewer|artifact:read;project:delete|"),
                        List.of("UPDATE_ROLE Auditor roles:2 r1 put=false add=[project:delete] remove=[]")),
                new Case("a permission the row lacks is removed",
                        List.of("Deployer|member||"),
                        List.of("UPDATE_ROLE Deployer roles:2 r2 put=false add=[] remove=[run:stop]")),
                new Case("a new description is a PUT",
                        List.of("Auditor|viewer|artifact:read|Reads runs"),
                        List.of("UPDATE_ROLE Auditor roles:2 r1 put=true add=[] remove=[]")),
                new Case("a new description is set on a role that had none",
                        List.of("Deployer|member|run:stop|Deploys"),
                        List.of("UPDATE_ROLE Deployer roles:2 r2 put=true add=[] remove=[]")),
                new Case("a new inherited role is a PUT, and what the old one granted becomes the role's own",
                        List.of("Auditor|member|artifact:read;run:read|"),
                        List.of("UPDATE_ROLE Auditor roles:2 r1 put=true add=[run:read] remove=[]")),
                new Case("a role the target lacks is created",
                        List.of("Reviewer|viewer|project:read;run:read|Reviews"),
                        List.of("CREATE_ROLE Reviewer roles:2 -")),
                new Case("role names are compared exactly: another case is another role",
                        List.of("auditor|viewer|artifact:read|Reads"), List.of("CREATE_ROLE auditor roles:2 -")),
                new Case("rows are planned in line order",
                        List.of("Zeta|viewer||", "Deployer|viewer|run:stop|", "Alpha|member||"),
                        List.of("CREATE_ROLE Zeta roles:2 -",
                                "UPDATE_ROLE Deployer roles:3 r2 put=true add=[] remove=[]",
                                "CREATE_ROLE Alpha roles:4 -")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("desiredRoles")
    void rolesAreCreatedAndChangedOnlyWhereTheyDiffer(Case c) {
        List<NewOp> ops = RolePlanner.decide(roles(c.desired()), REMOTE, ORG, null);

        assertThat(ops).extracting(RolePlannerTest::show).containsExactlyElementsOf(c.expected());
    }

    /** One case under {@code absent-roles: delete}. */
    record AbsentCase(String name, List<String> desired, Set<String> owned, List<String> invalidRowKeys,
                      List<String> deleted) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<AbsentCase> absentRoles() {
        return Stream.of(
                new AbsentCase("owned roles no row names are deleted, in the target's order",
                        List.of(), OWNED, List.of(), List.of("Auditor", "Deployer", "Legacy")),
                new AbsentCase("a role a row names stays",
                        List.of("Auditor|viewer|artifact:read|", "Deployer|member|run:stop|"), OWNED, List.of(),
                        List.of("Legacy")),
                new AbsentCase("a role no input of the job ever named stays",
                        List.of("Auditor|viewer|artifact:read|", "Deployer|member|run:stop|"), Set.of(), List.of(),
                        List.of()),
                new AbsentCase("a row in another case does not name the role",
                        List.of("legacy|viewer||"), OWNED, List.of(), List.of("Auditor", "Deployer", "Legacy")),
                new AbsentCase("an invalid row protects the role it names",
                        List.of(), OWNED, List.of("Deployer"), List.of("Auditor", "Legacy")),
                new AbsentCase("an invalid row naming no role on the target protects nothing",
                        List.of(), OWNED, List.of("Deploy", "Legacy2"), List.of("Auditor", "Deployer", "Legacy")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("absentRoles")
    void absentRolesAreDeletedOnlyWhenOwnedAndNamedByNoRow(AbsentCase c) {
        List<NewOp> ops = RolePlanner.decide(roles(c.desired()), REMOTE, ORG,
                new RolePlanner.AbsentRoles(c.invalidRowKeys(), c.owned()));

        assertThat(ops).filteredOn(op -> op.kind() == OpKind.DELETE_ROLE).extracting(NewOp::key)
                .containsExactlyElementsOf(c.deleted());
        assertThat(ops).filteredOn(op -> op.kind() == OpKind.DELETE_ROLE).allSatisfy(op -> {
            assertThat(op.line()).isNull();
            assertThat(op.targetId()).isEqualTo(REMOTE.stream().filter(r -> r.name().equals(op.key())).findFirst()
                    .orElseThrow().id());
        });
    }

    /** Ways a person could have written Legacy that make the row invalid but not a different name. */
    @ParameterizedTest(name = "invalid row key {0}")
    @ValueSource(strings = {"Legacy\u200B", "\u200BLegacy", "LEGACY", "legacy", " Leg acy ", "Legacy\u00A0",
            "Leg\u2060acy", "\uFF2C\uFF45\uFF47\uFF41\uFF43\uFF59", "Legacy\u202E", "\uFEFFLegacy", "Legacy\u3000",
            "Le\u200Dgacy", "Legacy\t"})
    void anInvalidRowProtectsEveryRoleItsNameCouldHaveMeant(String invalidKey) {
        List<NewOp> ops = RolePlanner.decide(List.of(), REMOTE, ORG,
                new RolePlanner.AbsentRoles(List.of(invalidKey), OWNED));

        assertThat(ops).extracting(NewOp::key).containsExactly("Auditor", "Deployer");
    }

    @Test
    void underTheDefaultPolicyNoRoleIsDeleted() {
        assertThat(RolePlanner.decide(List.of(), REMOTE, ORG, null)).isEmpty();
    }

    @Test
    void aDeletionListsEveryUserWhoseTeamRoleFallsBackOnceATeam() {
        List<NewOp> ops = RolePlanner.decide(List.of(), REMOTE, ORG, new RolePlanner.AbsentRoles(List.of(),
                Set.of("Legacy")));

        assertThat(ops).singleElement().satisfies(op -> {
            assertThat(op.kind()).isEqualTo(OpKind.DELETE_ROLE);
            assertThat(op.before()).isEqualTo("inherits viewer; permissions=project:delete;run:stop");
            assertThat(op.after()).isEqualTo("deleted; 3 users fall back to viewer: u3, zoe@example.com,"
                    + " zoe@example.com");
            assertThat(RolePayload.fromJson(op.payload())).isEqualTo(new RolePayload("Legacy", "r3", "viewer", null,
                    null, false, null, null, List.of("u3", "zoe@example.com", "zoe@example.com")));
        });
    }

    @Test
    void aDeletionShowsTwentyUsersAndListsThemAllInItsPayload() {
        RemoteOrg.Builder org = RemoteOrg.builder();
        IntStream.rangeClosed(1, 25).forEach(i -> org.user(RemoteOrg.User.of("u" + i, "user" + i,
                String.format("user%02d@example.com", i), null, "member", true, Map.of("eng", "Legacy"))));

        NewOp op = RolePlanner.decide(List.of(), REMOTE, org.build(), new RolePlanner.AbsentRoles(List.of(),
                Set.of("Legacy"))).get(0);

        assertThat(op.after()).startsWith("deleted; 25 users fall back to viewer: user01@example.com, ")
                .endsWith(", user20@example.com, ...");
        assertThat(RolePayload.fromJson(op.payload()).affectedUsers()).hasSize(25)
                .startsWith("user01@example.com").endsWith("user25@example.com");
    }

    @Test
    void aCreateOrUpdateCarriesWhatTheRowAsksAndShowsBothSides() {
        List<NewOp> ops = RolePlanner.decide(roles(List.of("Reviewer|viewer|project:read;run:read|Reviews",
                "Auditor|member|artifact:read;run:read|")), REMOTE, ORG, null);

        assertThat(ops).extracting(NewOp::before, NewOp::after).containsExactly(
                tuple("",
                        "inherits viewer; permissions=project:read;run:read; description=Reviews"),
                tuple("inherits viewer; permissions=artifact:read; description=Reads",
                        "inherits member; permissions=artifact:read;run:read; description=Reads"));
        assertThat(ops).extracting(op -> RolePayload.fromJson(op.payload())).containsExactly(
                new RolePayload("Reviewer", null, "viewer", "Reviews", List.of("project:read", "run:read"), false,
                        List.of(), List.of(), null),
                new RolePayload("Auditor", "r1", "member", "Reads", List.of("artifact:read", "run:read"), true,
                        List.of("run:read"), List.of(), null));
    }

    static String show(NewOp op) {
        String shown = op.kind() + " " + op.key() + " " + op.inputKind() + ":" + (op.line() == null ? "-" : op.line())
                + " " + (op.targetId() == null ? "-" : op.targetId());
        if (op.kind() == OpKind.UPDATE_ROLE) {
            RolePayload payload = RolePayload.fromJson(op.payload());
            shown += " put=" + payload.putNeeded() + " add=" + payload.add() + " remove=" + payload.remove();
        }
        return shown;
    }

    /** Valid roles.csv rows from "name|inherited_from|permissions|description", an empty description as null. */
    private static List<DesiredRole> roles(List<String> specs) {
        List<DesiredRole> rows = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            String[] f = specs.get(i).split("\\|", -1);
            rows.add(new DesiredRole(i + 2, f[0], f[1], f[2].isEmpty() ? List.of()
                    : Arrays.stream(f[2].split(";")).sorted().distinct().toList(), f[3].isEmpty() ? null : f[3]));
        }
        return rows;
    }
}
