package dev.scimsync.scim;

import static dev.scimsync.scim.RecordingServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scimsync.emulator.RecordedRequest;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Look-ups by e-mail, userName and team name find the resource on servers that filter, that say they do not, that
 * decline filters with 400 invalidFilter and that ignore filters, even when the match is not on the first page.
 */
@Timeout(60)
class LookupTest {

    private static final int USERS = 20;
    private static final int PAGE = 7;

    private record Server(String name, String dialect, UnaryOperator<dev.scimsync.emulator.EmulatorOptions> options,
            boolean filterRequests) {
    }

    private static final List<Server> SERVERS = List.of(
            new Server("scim2 with filters", "scim2", o -> o.withMaxResults(PAGE), true),
            new Server("scim2 saying filter.supported false", "scim2",
                    o -> o.withMaxResults(PAGE).withFilterSupported(false), false),
            // the wandb dialect reads no /ServiceProviderConfig, so it tries the filter and meets invalidFilter
            new Server("declining filters with invalidFilter", "wandb",
                    o -> o.withMaxResults(PAGE).withFilterSupported(false), true));

    @Test
    void everyKindOfServerFindsTheLastUserAndTeamAndMissesTheAbsentOnes() {
        for (Server server : SERVERS) {
            try (Emulated target = Emulated.start(server.dialect(), server.options(), s -> s)) {
                IntStream.rangeClosed(1, USERS).forEach(i -> target.createUser("user%02d".formatted(i)));
                IntStream.rangeClosed(1, 9).forEach(i -> target.createGroup("team" + i));
                ScimClient client = target.client;
                target.emulator.resetCounts();

                assertThat(client.findUserByEmail("USER20@example.com")).as(server.name()).get()
                        .extracting(ScimUser::userName).isEqualTo("user20");
                assertThat(client.findUserByUserName("user19")).as(server.name()).isPresent();
                assertThat(client.findGroupByName("team9")).as(server.name()).get()
                        .extracting(ScimGroup::displayName).isEqualTo("team9");
                assertThat(client.findUserByEmail("nobody@example.com")).as(server.name()).isEmpty();
                assertThat(client.findGroupByName("Team9")).as(server.name() + ": names are exact").isEmpty();

                List<RecordedRequest> gets = target.emulator.requests();
                List<String> filtered = gets.stream().map(RecordedRequest::pathAndQuery)
                        .filter(p -> p.contains("filter=")).toList();
                if (!server.filterRequests()) {
                    assertThat(filtered).as(server.name() + ": filters never sent").isEmpty();
                } else if (server.dialect().equals("wandb")) {
                    assertThat(filtered).as(server.name() + ": each attribute's filter tried once").hasSize(3);
                } else {
                    assertThat(gets).as(server.name() + ": one filtered GET per look-up").hasSize(5)
                            .allMatch(r -> r.pathAndQuery().contains("filter="));
                }
            }
        }
    }

    @Test
    void aServerThatIgnoresTheFilterIsListedWhenTheMatchIsNotOnItsFirstPage() throws Exception {
        try (RecordingServer server = new RecordingServer()) {
            server.otherwise(exchange -> {
                RecordingServer.Recorded request = server.requests().get(server.requests().size() - 1);
                int start = request.query("startIndex") == null ? 1 : Integer.parseInt(request.query("startIndex"));
                int count = request.query("count") == null ? PAGE
                        : Math.min(PAGE, Integer.parseInt(request.query("count")));
                String resources = IntStream.range(start, Math.min(USERS + 1, start + count))
                        .mapToObj(i -> "{\"id\":\"u%d\",\"userName\":\"user%d\",\"emails\":[{\"value\":\"user%d@example.com\"}]}"
                                .formatted(i, i, i))
                        .collect(Collectors.joining(","));
                json(200, "{\"Resources\":[" + resources + "],\"totalResults\":" + USERS + "}").send(exchange);
            });
            try (ScimClient client = ScimClient.create(ScimTestClients.settings(server.baseUrl()).build())) {

                assertThat(client.findUserByEmail("user3@example.com")).get().extracting(ScimUser::id)
                        .isEqualTo("u3");
                int afterFirstPageHit = server.requests().size();
                assertThat(client.findUserByEmail("user18@example.com")).get().extracting(ScimUser::id)
                        .isEqualTo("u18");
                assertThat(client.findUserByUserName("user99")).isEmpty();

                assertThat(afterFirstPageHit).as("a match on the filtered page needs nothing more").isEqualTo(1);
            }
        }
    }

    /** Listing instead of filtering reads up to the page that holds the match, and every page only for a miss. */
    @Test
    void listingStopsAtThePageThatHoldsTheMatch() {
        try (Emulated target = Emulated.start("scim2", o -> o.withMaxResults(PAGE).withFilterSupported(false),
                s -> s)) {
            IntStream.rangeClosed(1, USERS).forEach(i -> target.createUser("user%02d".formatted(i)));
            int pages = (USERS + PAGE - 1) / PAGE;
            for (int i = 1; i <= USERS; i++) {
                target.emulator.resetCounts();
                assertThat(target.client.findUserByUserName("user%02d".formatted(i))).isPresent();
                assertThat(target.emulator.requests()).as("user%02d", i)
                        .filteredOn(r -> r.pathAndQuery().startsWith("/scim/Users"))
                        .hasSize((i - 1) / PAGE + 1);
            }
            target.emulator.resetCounts();
            assertThat(target.client.findUserByUserName("nobody")).isEmpty();
            assertThat(target.emulator.requests()).filteredOn(r -> r.pathAndQuery().startsWith("/scim/Users"))
                    .hasSize(pages);
        }
    }

    @Test
    void aBadRequestOtherThanInvalidFilterIsNotHiddenByListing() throws Exception {
        try (RecordingServer server = new RecordingServer()) {
            for (String scimType : new String[] {"invalidValue", "tooMany", "invalidPath", null}) {
                server.reply(json(400, "{\"status\":\"400\",\"detail\":\"no\""
                        + (scimType == null ? "" : ",\"scimType\":\"" + scimType + "\"") + "}"));
                try (ScimClient client = ScimClient.create(ScimTestClients.settings(server.baseUrl()).build())) {
                    assertThatThrownBy(() -> client.findUserByEmail("a@example.com")).as(String.valueOf(scimType))
                            .isInstanceOf(ScimRejectedException.class);
                }
            }
            assertThat(server.requests()).hasSize(4).allMatch(r -> r.query("filter") != null);
        }
    }
}
