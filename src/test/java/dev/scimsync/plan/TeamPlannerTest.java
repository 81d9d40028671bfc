package dev.scimsync.plan;

import dev.scimsync.snapshot.RemoteOrg;
import dev.scimsync.validate.DesiredMember;
import dev.scimsync.validate.DesiredTeam;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The team decisions over plain rows: which teams, memberships and team roles a run creates, sets and removes. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class TeamPlannerTest {

    /**
     * The target: Eng has alice (team admin, written as the target spells it), bob, carol (custom role Auditor),
     * ops and a user without an email; Ops has ops; Sales has bob.
     */
    private static final RemoteOrg ORG = RemoteOrg.builder()
            .user(RemoteOrg.User.of("u1", "alice", "alice@example.com", null, "member", true, Map.of("eng", "Admin")))
            .user(RemoteOrg.User.of("u2", "bob", "Bob@Example.com", null, "member", true, Map.of()))
            .user(RemoteOrg.User.of("u3", "carol", "carol@example.com", null, "member", true,
                    Map.of("eng", "Auditor")))
            .user(RemoteOrg.User.of("u4", "ops", "ops@example.com", null, "admin", true, Map.of()))
            .user(RemoteOrg.User.of("u5", "svc", null, null, "member", true, Map.of()))
            .group("g2", "Ops", List.of("u4"))
            .group("g1", "Eng", List.of("u5", "u4", "u3", "u2", "u1"))
            .group("g3", "Sales", List.of("u2"))
            .build();

    private static final Set<String> EVERY_ENG_MEMBER = Set.of("eng/alice@example.com", "eng/bob@example.com",
            "eng/carol@example.com", "eng/ops@example.com", "ops/ops@example.com", "sales/bob@example.com");

    /** One case: the rows of teams.csv and memberships.csv (each "team,email,role" from line 2), the operations. */
    record Case(String name, List<String> teams, List<String> members, List<String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> addsAndRoles() {
        return Stream.of(
                new Case("a member already in the team with no role asked costs nothing",
                        List.of(), List.of("Eng,alice@example.com"), List.of()),
                new Case("emails and team names match whatever their case",
                        List.of(), List.of("ENG,BOB@example.com"), List.of()),
                new Case("a built-in role matches the target's in any case",
                        List.of(), List.of("Eng,alice@example.com,admin"), List.of()),
                new Case("a member without a team role has the role member",
                        List.of(), List.of("Eng,bob@example.com,member"), List.of()),
                new Case("a built-in role that differs is set",
                        List.of(), List.of("Eng,bob@example.com,viewer", "Eng,alice@example.com,member"),
                        List.of("SET_TEAM_ROLE eng/bob@example.com memberships:2 u2: team role member -> team role"
                                        + " viewer",
                                "SET_TEAM_ROLE eng/alice@example.com memberships:3 u1: team role Admin -> team role"
                                        + " member")),
                new Case("a custom role matches exactly",
                        List.of(), List.of("Eng,carol@example.com,Auditor"), List.of()),
                new Case("a custom role that differs only by case is set",
                        List.of(), List.of("Eng,carol@example.com,auditor"),
                        List.of("SET_TEAM_ROLE eng/carol@example.com memberships:2 u3: team role Auditor -> team"
                                + " role auditor")),
                new Case("a user not in an existing team is added",
                        List.of(), List.of("Sales,alice@example.com"),
                        List.of("ADD_MEMBER sales/alice@example.com memberships:2 g3: not a member -> member")),
                new Case("a new member with the role member needs no role set",
                        List.of(), List.of("Sales,alice@example.com,member"),
                        List.of("ADD_MEMBER sales/alice@example.com memberships:2 g3: not a member -> member")),
                new Case("a new member with another role is added, then given it",
                        List.of(), List.of("Sales,alice@example.com,Auditor"),
                        List.of("ADD_MEMBER sales/alice@example.com memberships:2 g3: not a member -> member",
                                "SET_TEAM_ROLE sales/alice@example.com memberships:2 u1: team role member -> team"
                                        + " role Auditor")),
                new Case("a user the target lacks is added by email",
                        List.of(), List.of("Eng,new@example.com,viewer"),
                        List.of("ADD_MEMBER eng/new@example.com memberships:2 g1: not a member -> member",
                                "SET_TEAM_ROLE eng/new@example.com memberships:2 -: team role member -> team role"
                                        + " viewer")),
                new Case("a team memberships.csv names and the target lacks is created after its members",
                        List.of(), List.of("Research,alice@example.com", "Research,new@example.com"),
                        List.of("ADD_MEMBER research/alice@example.com memberships:2 -: not a member -> member",
                                "ADD_MEMBER research/new@example.com memberships:3 -: not a member -> member",
                                "CREATE_TEAM research memberships:2 -:  -> team Research with 2 members")),
                new Case("a team of teams.csv the target lacks is created, even empty, at its teams.csv line",
                        List.of("Research", "Design"), List.of("Design,alice@example.com"),
                        List.of("ADD_MEMBER design/alice@example.com memberships:2 -: not a member -> member",
                                "CREATE_TEAM research teams:2 -:  -> team Research with 0 members",
                                "CREATE_TEAM design teams:3 -:  -> team Design with 1 members")),
                new Case("a team named twice is created once, as its first row spells it",
                        List.of("Research", "RESEARCH"), List.of("research,bob@example.com"),
                        List.of("ADD_MEMBER research/bob@example.com memberships:2 -: not a member -> member",
                                "CREATE_TEAM research teams:2 -:  -> team Research with 1 members")),
                new Case("a team of teams.csv the target holds costs nothing",
                        List.of("Eng", "sales"), List.of(), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("addsAndRoles")
    void membersAreAddedAndTeamRolesSetOnlyWhereTheyDiffer(Case c) {
        List<NewOp> ops = new ArrayList<>();

        TeamPlanner.decide(teams(c.teams()), members(c.members()), ORG, null, ops::add);

        assertThat(ops).extracting(TeamPlannerTest::show).containsExactlyElementsOf(c.expected());
    }

    /** One case under {@code absent-members: remove}. */
    record AbsentCase(String name, List<String> teams, List<String> members, Set<String> owned,
                      Set<String> protectedUsers, List<String> invalidRowKeys, List<String> removed) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<AbsentCase> absentMembers() {
        return Stream.of(
                new AbsentCase("owned members of a managed team no row names are removed, by team then email",
                        List.of(), List.of("Eng,alice@example.com"), EVERY_ENG_MEMBER, Set.of(), List.of(),
                        List.of("eng/bob@example.com", "eng/carol@example.com", "eng/ops@example.com")),
                new AbsentCase("a team teams.csv names is managed even with no membership row",
                        List.of("Ops"), List.of(), EVERY_ENG_MEMBER, Set.of(), List.of(),
                        List.of("ops/ops@example.com")),
                new AbsentCase("teams no input names are left alone",
                        List.of(), List.of("Ops,ops@example.com"), EVERY_ENG_MEMBER, Set.of(), List.of(),
                        List.of()),
                new AbsentCase("a row of another team does not name the member in this one",
                        List.of(), List.of("Eng,alice@example.com", "Eng,carol@example.com", "Eng,ops@example.com",
                                "Sales,bob@example.com"), EVERY_ENG_MEMBER, Set.of(), List.of(),
                        List.of("eng/bob@example.com")),
                new AbsentCase("members the job does not own are never removed",
                        List.of(), List.of("Eng,alice@example.com"), Set.of("eng/carol@example.com"), Set.of(),
                        List.of(), List.of("eng/carol@example.com")),
                new AbsentCase("protected users are never removed",
                        List.of(), List.of("Eng,alice@example.com"), EVERY_ENG_MEMBER, Set.of("ops@example.com",
                                "bob@example.com"), List.of(), List.of("eng/carol@example.com")),
                new AbsentCase("an invalid row protects the membership it names",
                        List.of(), List.of("Eng,alice@example.com"), EVERY_ENG_MEMBER, Set.of(),
                        List.of("eng/bob@example.com"), List.of("eng/carol@example.com", "eng/ops@example.com")),
                new AbsentCase("an invalid row of another team protects nothing here",
                        List.of(), List.of("Eng,alice@example.com"), EVERY_ENG_MEMBER, Set.of(),
                        List.of("sales/carol@example.com", "eng/carol"),
                        List.of("eng/bob@example.com", "eng/carol@example.com", "eng/ops@example.com")),
                new AbsentCase("a member the target lists without an email is never removed",
                        List.of(), List.of("Eng,alice@example.com", "Eng,bob@example.com", "Eng,carol@example.com",
                                "Eng,ops@example.com"), EVERY_ENG_MEMBER, Set.of(), List.of(), List.of()),
                new AbsentCase("a team the target lacks has no member to remove",
                        List.of("Research"), List.of(), EVERY_ENG_MEMBER, Set.of(), List.of(), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("absentMembers")
    void absentMembersAreRemovedOnlyWhenOwnedUnprotectedAndNamedByNoRow(AbsentCase c) {
        List<NewOp> ops = new ArrayList<>();

        TeamPlanner.decide(teams(c.teams()), members(c.members()), ORG, new TeamPlanner.AbsentMembers(
                c.protectedUsers(), c.invalidRowKeys()::forEach, owned(c.owned())), ops::add);

        assertThat(ops).filteredOn(op -> op.kind() == OpKind.REMOVE_MEMBER).extracting(NewOp::key)
                .containsExactlyElementsOf(c.removed());
        assertThat(ops).filteredOn(op -> op.kind() != OpKind.REMOVE_MEMBER)
                .allSatisfy(op -> assertThat(op.kind()).isIn(OpKind.CREATE_TEAM));
    }

    /** Ways a person could have written eng/bob@example.com that make the row invalid but not a different key. */
    @ParameterizedTest(name = "invalid row key {0}")
    @ValueSource(strings = {"eng/bob@example.com\u200B", "\u200Beng/bob@example.com", "ENG/Bob@Example.COM",
            "eng /bob@example.com", "eng/bob@example.com\u00A0", "eng/bob\u2060@example.com",
            "\uFF45\uFF4E\uFF47/bob@example.com", "eng/bob@example.com\u202E", "eng/\uFEFFbob@example.com",
            "eng/bob@example.com\u3000", "e\u200Dng/bob@example.com"})
    void anInvalidRowProtectsEveryMembershipItsKeyCouldHaveMeant(String invalidKey) {
        List<NewOp> ops = new ArrayList<>();

        TeamPlanner.decide(teams(List.of()), members(List.of("Eng,alice@example.com")), ORG,
                new TeamPlanner.AbsentMembers(Set.of(), List.of(invalidKey)::forEach, owned(EVERY_ENG_MEMBER)),
                ops::add);

        assertThat(ops).extracting(NewOp::key).containsExactly("eng/carol@example.com", "eng/ops@example.com");
    }

    @Test
    void underTheDefaultPolicyNoMemberIsRemoved() {
        List<NewOp> ops = new ArrayList<>();

        TeamPlanner.decide(teams(List.of("Eng", "Ops", "Sales")), members(List.of()), ORG, null, ops::add);

        assertThat(ops).isEmpty();
    }

    @Test
    void ownershipIsAskedOnlyAboutMembersNoRowNames() {
        List<Collection<String>> asked = new ArrayList<>();

        TeamPlanner.decide(teams(List.of()), members(List.of("Eng,alice@example.com", "Eng,bob@example.com")), ORG,
                new TeamPlanner.AbsentMembers(Set.of(), List.of("eng/carol@example.com")::forEach, keys -> {
                    asked.add(List.copyOf(keys));
                    return Set.of();
                }), op -> { });

        assertThat(asked).containsExactly(List.of("eng/ops@example.com"));
    }

    @Test
    void aRemovalCarriesTheTeamTheUserAndTheRoleTheyHeld() {
        List<NewOp> ops = new ArrayList<>();

        TeamPlanner.decide(teams(List.of("Eng")), members(List.of("Eng,bob@example.com")), ORG,
                new TeamPlanner.AbsentMembers(Set.of("ops@example.com"), List.<String>of()::forEach,
                        owned(EVERY_ENG_MEMBER)), ops::add);

        assertThat(ops).extracting(TeamPlannerTest::show).containsExactly(
                "REMOVE_MEMBER eng/alice@example.com memberships:- g1: member (team role Admin) -> not a member",
                "REMOVE_MEMBER eng/carol@example.com memberships:- g1: member (team role Auditor) -> not a member");
        assertThat(ops).extracting(op -> TeamPayload.fromJson(op.payload())).containsExactly(
                TeamPayload.member("Eng", "g1", "alice@example.com", "u1", null),
                TeamPayload.member("Eng", "g1", "carol@example.com", "u3", null));
    }

    @Test
    void aNewTeamIsCreatedWithTheMembersItsRowsNameInLineOrder() {
        List<NewOp> ops = new ArrayList<>();

        TeamPlanner.decide(teams(List.of()), members(List.of("Research,new@example.com,viewer",
                "Eng,bob@example.com", "research,Alice@Example.com")), ORG, null, ops::add);

        assertThat(ops).filteredOn(op -> op.kind() == OpKind.CREATE_TEAM).singleElement()
                .extracting(op -> TeamPayload.fromJson(op.payload()))
                .isEqualTo(TeamPayload.create("Research", List.of("new@example.com", "alice@example.com")));
        assertThat(ops).filteredOn(op -> op.kind() != OpKind.CREATE_TEAM)
                .extracting(NewOp::kind, op -> TeamPayload.fromJson(op.payload())).containsExactly(
                        tuple(OpKind.ADD_MEMBER, TeamPayload.member("Research", null, "new@example.com", null, null)),
                        tuple(OpKind.SET_TEAM_ROLE, TeamPayload.member("Research", null, "new@example.com", null,
                                "viewer")),
                        tuple(OpKind.ADD_MEMBER, TeamPayload.member("research", null, "alice@example.com", "u1",
                                null)));
    }

    @Test
    void theManagedTeamsAreTeamsCsvsThenThoseMembershipsCsvNamesFirst() {
        Set<String> managed = TeamPlanner.decide(teams(List.of("Sales", "Eng")),
                members(List.of("Ops,ops@example.com", "Eng,bob@example.com", "research,bob@example.com")), ORG,
                null, op -> { });

        assertThat(managed).containsExactly("sales", "eng", "ops", "research");
    }

    @Test
    void eachOperationIsHandedOnAsItsRowIsRead() {
        List<NewOp> ops = new ArrayList<>();
        List<Integer> seenBeforeEachRow = new ArrayList<>();
        List<DesiredMember> rows = List.of(member(2, "Sales,alice@example.com"), member(3, "Sales,carol@example.com"),
                member(4, "Eng,bob@example.com,admin"));
        Rows<DesiredMember> members = action -> rows.forEach(row -> {
            seenBeforeEachRow.add(ops.size());
            action.accept(row);
        });

        TeamPlanner.decide(teams(List.of()), members, ORG, null, ops::add);

        // nothing is held until the end: memberships.csv can hold hundreds of thousands of rows
        assertThat(seenBeforeEachRow).containsExactly(0, 1, 2);
        assertThat(ops).hasSize(3);
    }

    /** One case of absent teams: teams.csv, memberships.csv, invalid row keys, owned and protected teams. */
    record AbsentTeamCase(String name, List<String> teams, List<String> members, List<String> invalid, Set<String> owned,
                      Set<String> protectedTeams, List<String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<AbsentTeamCase> absentTeams() {
        Set<String> all = Set.of("eng", "ops", "sales");
        return Stream.of(
                new AbsentTeamCase("owned teams no input names are deleted, in name order",
                        List.of("Eng"), List.of(), List.of(), all, Set.of(),
                        List.of("DELETE_TEAM ops teams:- g2: team Ops with 1 members -> deleted",
                                "DELETE_TEAM sales teams:- g3: team Sales with 1 members -> deleted")),
                new AbsentTeamCase("a team only memberships.csv names is not absent",
                        List.of("Eng"), List.of("SALES,bob@example.com"), List.of(), all, Set.of(),
                        List.of("DELETE_TEAM ops teams:- g2: team Ops with 1 members -> deleted")),
                new AbsentTeamCase("a team the job never owned is never deleted",
                        List.of("Eng"), List.of(), List.of(), Set.of("ops"), Set.of(),
                        List.of("DELETE_TEAM ops teams:- g2: team Ops with 1 members -> deleted")),
                new AbsentTeamCase("an invalid teams row protects what its name loosely means",
                        List.of("Eng"), List.of(), List.of("O\u200Bps"), all, Set.of(),
                        List.of("DELETE_TEAM sales teams:- g3: team Sales with 1 members -> deleted")),
                new AbsentTeamCase("an invalid memberships row protects its team",
                        List.of("Eng"), List.of(), List.of("sales/not an email@x"), all, Set.of(),
                        List.of("DELETE_TEAM ops teams:- g2: team Ops with 1 members -> deleted")),
                new AbsentTeamCase("a protected team is never deleted",
                        List.of("Eng"), List.of(), List.of(), all, Set.of("sales"),
                        List.of("DELETE_TEAM ops teams:- g2: team Ops with 1 members -> deleted")),
                new AbsentTeamCase("every team named: nothing to delete",
                        List.of("eng", "OPS"), List.of("Sales,bob@example.com"), List.of(), all, Set.of("eng"),
                        List.of()));
    }

    @ParameterizedTest
    @MethodSource("absentTeams")
    void absentTeamsAreDeletedOnlyWhenOwnedUnnamedAndNeverWhenProtected(AbsentTeamCase c) {
        List<NewOp> ops = new ArrayList<>();

        TeamPlanner.decide(teams(c.teams()), members(c.members()), ORG, null, new TeamPlanner.AbsentTeams(
                c.protectedTeams(), c.invalid()::forEach,
                owned(c.owned())), ops::add);

        assertThat(ops).filteredOn(op -> op.kind() == OpKind.DELETE_TEAM)
                .extracting(op -> show(op) + (op.heldBack() == null ? "" : " [held back: " + op.heldBack() + "]"))
                .containsExactlyElementsOf(c.expected());
        assertThat(ops).filteredOn(op -> op.kind() == OpKind.DELETE_TEAM).extracting(op -> TeamPayload.fromJson(
                op.payload()).groupId()).allMatch(id -> id.startsWith("g"));
    }

    static String show(NewOp op) {
        return op.kind() + " " + op.key() + " " + op.inputKind() + ":" + (op.line() == null ? "-" : op.line()) + " "
                + (op.targetId() == null ? "-" : op.targetId()) + ": " + op.before() + " -> " + op.after();
    }

    private static Rows<DesiredTeam> teams(List<String> names) {
        List<DesiredTeam> rows = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            rows.add(new DesiredTeam(i + 2, names.get(i), names.get(i).toLowerCase(Locale.ROOT)));
        }
        return rows::forEach;
    }

    private static Rows<DesiredMember> members(List<String> specs) {
        List<DesiredMember> rows = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            rows.add(member(i + 2, specs.get(i)));
        }
        return rows::forEach;
    }

    /** A valid memberships.csv row from "team,email[,role]". */
    private static DesiredMember member(long line, String spec) {
        List<String> f = Arrays.asList(spec.split(","));
        return new DesiredMember(line, f.get(0), f.get(0).toLowerCase(Locale.ROOT), f.get(1),
                f.get(1).toLowerCase(Locale.ROOT), f.size() > 2 ? f.get(2) : null);
    }

    /** The ledger of a job that owns {@code owned}: it answers which of the keys asked about are owned. */
    private static java.util.function.Function<Collection<String>, Set<String>> owned(Set<String> owned) {
        return keys -> keys.stream().filter(owned::contains).collect(Collectors.toSet());
    }
}
