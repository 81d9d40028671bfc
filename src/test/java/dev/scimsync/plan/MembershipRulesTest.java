package dev.scimsync.plan;

import dev.scimsync.snapshot.RemoteOrg;
import dev.scimsync.validate.DesiredMember;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Which memberships.csv rows are invalid because their user or custom role exists nowhere. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class MembershipRulesTest {

    /** The organisation lists alice (and a user without an email); the target has the custom role Deployer. */
    private static final RemoteOrg ORG = RemoteOrg.builder()
            .user(RemoteOrg.User.of("u1", "alice", "Alice@Example.com", null, "member", true, Map.of()))
            .user(RemoteOrg.User.of("u2", "svc", null, null, "member", false, Map.of()))
            .build();

    private static final Set<String> ROLES_CSV = Set.of("Auditor");
    private static final Set<String> TARGET_ROLES = Set.of("Deployer");

    /** users.csv: new@ is to be active, left@ inactive. */
    private static final List<MembershipRules.ListedUser> USERS = List.of(
            new MembershipRules.ListedUser("new@example.com", true),
            new MembershipRules.ListedUser("left@example.com", false));

    /**
     * One case: rows of memberships.csv ("team,email[,role]", from line 2) and the lines rejected for an unknown
     * user and for an unknown custom role.
     */
    record Case(String name, List<String> members, List<Long> unknownUsers, List<Long> unknownRoles) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("a user the organisation lists is known, whatever the case of the row's email",
                        List.of("Eng,alice@example.com", "Eng,ALICE@example.COM"), List.of(), List.of()),
                new Case("an active user of users.csv is known",
                        List.of("Eng,new@example.com"), List.of(), List.of()),
                new Case("an inactive user of users.csv is not",
                        List.of("Eng,left@example.com"), List.of(2L), List.of()),
                new Case("a user in neither is unknown, on every row that names them, in line order",
                        List.of("Eng,ghost@example.com", "Eng,alice@example.com", "Ops,zed@example.com",
                                "Ops,ghost@example.com"), List.of(2L, 4L, 5L), List.of()),
                new Case("a row with no role leaves the team role alone and needs none",
                        List.of("Eng,alice@example.com,"), List.of(), List.of()),
                new Case("the built-in roles exist everywhere",
                        List.of("Eng,alice@example.com,admin", "Eng,alice@example.com,member",
                                "Ops,alice@example.com,viewer"), List.of(), List.of()),
                new Case("a custom role of roles.csv or of the target exists",
                        List.of("Eng,alice@example.com,Auditor", "Ops,new@example.com,Deployer"), List.of(),
                        List.of()),
                new Case("a custom role in neither is unknown",
                        List.of("Eng,alice@example.com,Reviewer", "Ops,new@example.com,Auditor",
                                "Ops,alice@example.com,Approver"), List.of(), List.of(2L, 4L)),
                new Case("custom roles are compared exactly",
                        List.of("Eng,alice@example.com,auditor", "Eng,alice@example.com,DEPLOYER",
                                "Eng,alice@example.com,Deployer "), List.of(), List.of(2L, 3L, 4L)),
                new Case("a row whose user is unknown is rejected for that alone",
                        List.of("Eng,ghost@example.com,Reviewer", "Eng,alice@example.com,Reviewer"), List.of(2L),
                        List.of(3L)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aRowIsInvalidWhenItsUserOrCustomRoleExistsNowhere(Case c) {
        MembershipRules.Rejected rejected = MembershipRules.decide(members(c.members()), ORG, ROLES_CSV,
                TARGET_ROLES, USERS::forEach);

        assertThat(rejected.unknownUsers()).as("unknown users").containsExactlyElementsOf(c.unknownUsers());
        assertThat(rejected.unknownRoles()).as("unknown roles").containsExactlyElementsOf(c.unknownRoles());
    }

    @Test
    void usersCsvIsNotReadWhenTheOrganisationListsEveryMember() {
        List<String> read = new ArrayList<>();

        MembershipRules.Rejected rejected = MembershipRules.decide(members(List.of("Eng,alice@example.com,Ghost")),
                ORG, ROLES_CSV, TARGET_ROLES, action -> read.add("users.csv"));

        assertThat(read).isEmpty();
        assertThat(rejected.unknownRoles()).containsExactly(2L);
    }

    @Test
    void usersCsvIsReadOnceWhenSomeMemberIsNotInTheOrganisation() {
        List<String> read = new ArrayList<>();

        MembershipRules.decide(members(List.of("Eng,new@example.com", "Ops,ghost@example.com")), ORG, ROLES_CSV,
                TARGET_ROLES, action -> {
                    read.add("users.csv");
                    USERS.forEach(action);
                });

        assertThat(read).containsExactly("users.csv");
    }

    private static Rows<DesiredMember> members(List<String> specs) {
        List<DesiredMember> rows = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            List<String> f = Arrays.asList(specs.get(i).split(",", -1));
            String role = f.size() > 2 && !f.get(2).isEmpty() ? f.get(2) : null;
            rows.add(new DesiredMember(i + 2, f.get(0), f.get(0).toLowerCase(Locale.ROOT), f.get(1),
                    f.get(1).toLowerCase(Locale.ROOT), role));
        }
        return rows::forEach;
    }
}
