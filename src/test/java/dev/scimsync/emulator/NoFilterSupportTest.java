package dev.scimsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * A scim2 server without filtering: it declines every {@code filter}, valid or not, with 400 {@code invalidFilter}
 * rather than return the unfiltered list, says so in {@code /ServiceProviderConfig}, and still lists and pages.
 */
@Timeout(60)
class NoFilterSupportTest extends EmulatorTestBase {

    private static final String TOKEN = "no-filter-key";

    NoFilterSupportTest() {
        super(TOKEN, options -> options.withDialect(EmulatorDialect.SCIM2).withFilterSupported(false));
    }

    @Test
    void everyFilterOnEveryListIsDeclined() {
        http.createUser("wren");
        http.createGroup("research");

        for (String resource : new String[] {"/Users", "/Groups"}) {
            for (String filter : new String[] {"userName eq \"wren\"", "emails.value eq \"wren@example.com\"",
                    "displayName eq \"research\"", "id eq \"x\"", "userName co \"w\"", "nonsense", " x "}) {
                ScimHttp.Reply reply = http.get(resource + "?filter=" + URLEncoder.encode(filter,
                        StandardCharsets.UTF_8));
                assertThat(reply.status()).as(resource + " " + filter).isEqualTo(400);
                assertThat(reply.body().get("scimType").asString()).as(resource + " " + filter)
                        .isEqualTo("invalidFilter");
            }
        }
    }

    @Test
    void listsWithoutAFilterOrWithABlankOneStillWorkAndPage() {
        http.createUser("wren");
        http.createUser("yara");

        JsonNode all = http.get("/Users").expect(200).body();
        JsonNode blank = http.get("/Users?filter=%20").expect(200).body();
        JsonNode second = http.get("/Users?startIndex=2&count=1").expect(200).body();

        assertThat(all.get("Resources").findValuesAsString("userName")).containsExactly("wren", "yara");
        assertThat(blank.get("totalResults").asInt()).isEqualTo(2);
        assertThat(second.get("Resources").findValuesAsString("userName")).containsExactly("yara");
    }

    @Test
    void serviceProviderConfigSaysFilteringIsNotSupported() {
        JsonNode config = http.get("/ServiceProviderConfig").expect(200).body();

        assertThat(config.get("filter").get("supported").asBoolean()).isFalse();
        assertThat(config.get("filter").get("maxResults").asInt()).isEqualTo(Page.MAX_COUNT);
    }
}
