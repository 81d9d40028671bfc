package dev.scimsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code filter} (only {@code eq}, case-insensitive) and {@code startIndex}/{@code count} paging. */
class FilterAndPagingTest extends EmulatorTestBase {

    private static final String TOKEN = "filter-key";

    FilterAndPagingTest() {
        super(TOKEN);
    }

    private JsonNode users(String filter) {
        return http.get("/Users?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8)).body();
    }

    @Test
    void userNameAndEmailFiltersIgnoreCaseInNamesAndValues() {
        String id = http.createUser("Tess");
        http.createUser("uri");

        assertThat(users("userName eq \"tess\"").get("Resources").findValuesAsString("id")).containsExactly(id);
        assertThat(users("USERNAME EQ \"TESS\"").get("totalResults").asInt()).isEqualTo(1);
        assertThat(users("emails.value eq \"TESS@example.com\"").get("Resources").findValuesAsString("id"))
                .containsExactly(id);
        assertThat(users("emails eq \"tess@EXAMPLE.com\"").get("totalResults").asInt()).isEqualTo(1);
        assertThat(users("userName eq \"nobody\"").get("totalResults").asInt()).isZero();
        assertThat(users("userName eq \"nobody\"").get("Resources")).isEmpty();
    }

    @Test
    void groupsFilterOnDisplayName() {
        http.createGroup("Research");
        http.createGroup("ops");

        JsonNode list = http.get("/Groups?filter=" + URLEncoder.encode("displayName eq \"research\"",
                StandardCharsets.UTF_8)).expect(200).body();

        assertThat(list.get("Resources").findValuesAsString("displayName")).containsExactly("Research");
    }

    @Test
    void anythingButASingleEqIsAnInvalidFilter() {
        http.createUser("vera");

        for (String filter : new String[] {"userName co \"ver\"", "userName eq \"vera\" and active eq true",
                "userName pr", "nickName eq \"v\"", "userName eq vera", "(userName eq \"vera\")"}) {
            JsonNode error = http.get("/Users?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8))
                    .expect(400).body();
            assertThat(error.get("scimType").asString()).as(filter).isEqualTo("invalidFilter");
        }
        assertThat(users("active eq true").get("totalResults").asInt()).isEqualTo(1);
    }

    @Test
    void pagesWalkTwentyFiveUsersInCreationOrder() {
        IntStream.rangeClosed(1, 25).forEach(i -> http.createUser("user%02d".formatted(i)));

        JsonNode first = http.get("/Users?startIndex=1&count=10").expect(200).body();
        JsonNode third = http.get("/Users?startIndex=21&count=10").expect(200).body();
        JsonNode beyond = http.get("/Users?startIndex=30&count=10").expect(200).body();

        assertThat(first.get("totalResults").asInt()).isEqualTo(25);
        assertThat(first.get("itemsPerPage").asInt()).isEqualTo(10);
        assertThat(first.get("startIndex").asInt()).isEqualTo(1);
        assertThat(first.get("Resources").get(0).get("userName").asString()).isEqualTo("user01");
        assertThat(third.get("startIndex").asInt()).isEqualTo(21);
        assertThat(third.get("itemsPerPage").asInt()).isEqualTo(5);
        assertThat(third.get("Resources").findValuesAsString("userName"))
                .containsExactly("user21", "user22", "user23", "user24", "user25");
        assertThat(beyond.get("totalResults").asInt()).isEqualTo(25);
        assertThat(beyond.get("Resources")).isEmpty();
    }

    @Test
    void defaultsAndOutOfRangeParameters() {
        IntStream.rangeClosed(1, 3).forEach(i -> http.createUser("p" + i));

        assertThat(http.get("/Users").body().get("itemsPerPage").asInt()).isEqualTo(3);
        assertThat(http.get("/Users?count=0").body().get("Resources")).isEmpty();
        assertThat(http.get("/Users?count=0").body().get("totalResults").asInt()).isEqualTo(3);
        assertThat(http.get("/Users?startIndex=0&count=100000").body().get("itemsPerPage").asInt()).isEqualTo(3);
        assertThat(http.get("/Users?startIndex=-4").body().get("startIndex").asInt()).isEqualTo(1);
        assertThat(http.get("/Users?count=ten").expect(400).body().get("scimType").asString())
                .isEqualTo("invalidValue");
    }

    @Test
    void filterCombinesWithPaging() {
        IntStream.rangeClosed(1, 5).forEach(i -> http.createUser("q" + i));

        JsonNode page = http.get("/Users?filter=" + URLEncoder.encode("userName eq \"q3\"", StandardCharsets.UTF_8)
                + "&startIndex=1&count=1").expect(200).body();
        JsonNode past = http.get("/Users?filter=" + URLEncoder.encode("userName eq \"q3\"", StandardCharsets.UTF_8)
                + "&startIndex=2").expect(200).body();

        assertThat(page.get("Resources").findValuesAsString("userName")).containsExactly("q3");
        assertThat(past.get("totalResults").asInt()).isEqualTo(1);
        assertThat(past.get("Resources")).isEmpty();
    }
}
