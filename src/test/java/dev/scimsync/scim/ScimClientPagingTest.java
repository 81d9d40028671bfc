package dev.scimsync.scim;

import static dev.scimsync.scim.RecordingServer.json;
import static dev.scimsync.scim.RecordingServer.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Paging with startIndex/count and the look-up helpers, against scripted servers. */
class ScimClientPagingTest {

    private RecordingServer server;

    @BeforeEach
    void start() throws Exception {
        server = new RecordingServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Serves {@code total} users, honouring startIndex and count unless told to ignore startIndex. */
    private RecordingServer.Reply pages(int total, boolean ignoreStartIndex, boolean sendTotal) {
        return exchange -> {
            RecordingServer.Recorded request = server.requests().get(server.requests().size() - 1);
            int start = ignoreStartIndex ? 1 : Integer.parseInt(request.query("startIndex"));
            int count = Integer.parseInt(request.query("count"));
            String resources = IntStream.rangeClosed(start, Math.min(total, start + count - 1))
                    .mapToObj(i -> "{\"id\":\"u" + i + "\",\"userName\":\"user" + i + "\"}")
                    .collect(Collectors.joining(","));
            json(200, "{\"Resources\":[" + resources + "]" + (sendTotal ? ",\"totalResults\":" + total : "")
                    + ",\"startIndex\":" + start + "}").send(exchange);
        };
    }

    private ScimClient client(int pageSize) {
        return ScimClient.create(ScimTestClients.settings(server.baseUrl()).pageSize(pageSize).build());
    }

    @Test
    void pagesUntilTotalResultsIsReached() {
        server.otherwise(pages(25, false, true));
        List<String> ids = new ArrayList<>();
        try (ScimClient client = client(10)) {

            long count = client.forEachUser(null, user -> ids.add(user.id()));

            assertThat(count).isEqualTo(25);
        }
        assertThat(ids).hasSize(25).doesNotHaveDuplicates().startsWith("u1").endsWith("u25");
        assertThat(server.requests()).extracting(request -> request.query("startIndex"))
                .containsExactly("1", "11", "21");
        assertThat(server.requests()).allMatch(request -> "10".equals(request.query("count")));
    }

    @Test
    void pagesWithoutTotalUntilAShortPage() {
        server.otherwise(pages(20, false, false));
        try (ScimClient client = client(10)) {

            assertThat(client.forEachGroup(null, group -> { })).isEqualTo(20);
        }
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void stopsAtAnEmptyPageEvenIfTheTotalSaysMore() {
        server.reply(json(200, "{\"Resources\":[{\"id\":\"r1\"}],\"totalResults\":5}"),
                json(200, "{\"Resources\":[],\"totalResults\":5}"));
        try (ScimClient client = client(1)) {

            assertThat(client.forEachRole(null, role -> { })).isEqualTo(1);
        }
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void serverIgnoringStartIndexIsReportedInsteadOfLoopingForever() {
        server.otherwise(pages(25, true, true));
        try (ScimClient client = client(10)) {

            ScimException e = catchThrowableOfType(ScimException.class, () -> client.forEachUser(null, user -> { }));

            assertThat(e.getMessage()).contains("ignores startIndex").contains("u1");
        }
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void usesTheDialectPageSizeByDefaultAndPassesTheFilter() {
        // scim2 asks for /ServiceProviderConfig first; this target has none
        server.reply(status(404)).otherwise(pages(3, false, true));
        try (ScimClient client = ScimClient.create(ScimTestClients.settings(server.baseUrl()).dialect("scim2")
                .build())) {
            client.forEachUser("active eq \"true\"", user -> { });
        }
        assertThat(server.requests().get(1).query("count")).isEqualTo("1000");
        assertThat(server.requests().get(1).query("filter")).isEqualTo("active eq \"true\"");
    }

    @Test
    void findHelpersSendEqFiltersAndCheckWhatComesBack() {
        server.reply(json(200, "{\"Resources\":[{\"id\":\"u7\",\"userName\":\"ann\","
                        + "\"emails\":{\"Value\":\"Ann@Example.com\",\"Primary\":true}}],\"totalResults\":1}"),
                json(200, "{\"Resources\":[{\"id\":\"u7\",\"userName\":\"someone-else\"}],\"totalResults\":1}"),
                json(200, "{\"Resources\":[{\"id\":\"g1\",\"displayName\":\"ml team\",\"members\":null}]}"));
        try (ScimClient client = client(0)) {

            assertThat(client.findUserByEmail("ann@example.com")).map(ScimUser::id).contains("u7");
            assertThat(client.findUserByUserName("ann")).isEmpty();
            assertThat(client.findGroupByName("ml team")).map(ScimGroup::id).contains("g1");
        }
        assertThat(server.requests()).extracting(request -> request.query("filter")).containsExactly(
                "emails.value eq \"ann@example.com\"", "userName eq \"ann\"", "displayName eq \"ml team\"");
        assertThat(server.requests().get(0).rawQuery()).doesNotContain(" ", "\"");
    }
}
