package dev.scimsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * A scim2 server that answers at most {@value #PAGE} resources a page whatever {@code count} asks for, with
 * {@code itemsPerPage} saying how many came and {@code totalResults} still counting them all.
 */
@Timeout(60)
class SmallPagesTest extends EmulatorTestBase {

    private static final String TOKEN = "small-pages-key";
    private static final int PAGE = 7;

    SmallPagesTest() {
        super(TOKEN, options -> options.withDialect(EmulatorDialect.SCIM2).withMaxResults(PAGE));
    }

    @Test
    void everyCountGetsAtMostThePageSizeAndTheFullTotal() {
        IntStream.rangeClosed(1, 25).forEach(i -> http.createUser("user%02d".formatted(i)));

        for (String count : new String[] {"", "0", "1", "6", "7", "8", "10", "100", "9999", "100000"}) {
            JsonNode page = http.get("/Users?startIndex=3" + (count.isEmpty() ? "" : "&count=" + count))
                    .expect(200).body();
            int expected = count.isEmpty() ? PAGE : (int) Math.min(PAGE, Long.parseLong(count));
            assertThat(page.get("totalResults").asInt()).as("count=" + count).isEqualTo(25);
            assertThat(page.get("itemsPerPage").asInt()).as("count=" + count).isEqualTo(expected);
            assertThat(page.get("Resources")).as("count=" + count).hasSize(expected);
            if (expected > 0) {
                assertThat(page.get("Resources").get(0).get("userName").asString()).isEqualTo("user03");
            }
        }
    }

    @Test
    void walkingByWhatCameBackVisitsEveryUserOnce() {
        IntStream.rangeClosed(1, 25).forEach(i -> http.createUser("user%02d".formatted(i)));

        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        int startIndex = 1;
        while (seen.size() < 25) {
            JsonNode page = http.get("/Users?startIndex=" + startIndex + "&count=10").expect(200).body();
            pageSizes.add(page.get("itemsPerPage").asInt());
            seen.addAll(page.get("Resources").findValuesAsString("userName"));
            startIndex += page.get("Resources").size();
            assertThat(pageSizes).hasSizeLessThan(10);
        }

        assertThat(pageSizes).containsExactly(7, 7, 7, 4);
        assertThat(seen).containsExactlyElementsOf(IntStream.rangeClosed(1, 25).mapToObj("user%02d"::formatted)
                .toList());
    }

    @Test
    void groupsArePagedTheSameWayAndFiltersStillWork() {
        IntStream.rangeClosed(1, 9).forEach(i -> http.createGroup("team" + i));

        JsonNode page = http.get("/Groups?count=50").expect(200).body();
        JsonNode filtered = http.get("/Groups?filter=displayName%20eq%20%22team9%22").expect(200).body();

        assertThat(page.get("totalResults").asInt()).isEqualTo(9);
        assertThat(page.get("itemsPerPage").asInt()).isEqualTo(PAGE);
        assertThat(filtered.get("Resources").findValuesAsString("displayName")).containsExactly("team9");
    }

    @Test
    void serviceProviderConfigNamesThePageSize() {
        JsonNode config = http.get("/ServiceProviderConfig").expect(200).body();

        assertThat(config.get("filter").get("maxResults").asInt()).isEqualTo(PAGE);
        assertThat(config.get("filter").get("supported").asBoolean()).isTrue();
    }

    @Test
    void aPageSizeOutsideOneToTheCapIsRefused() {
        EmulatorOptions options = EmulatorOptions.of("k");

        for (int bad : new int[] {Integer.MIN_VALUE, -1, 0, Page.MAX_COUNT + 1, Integer.MAX_VALUE}) {
            assertThatThrownBy(() -> options.withMaxResults(bad)).as("maxResults=" + bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxResults");
        }
        assertThat(options.withMaxResults(1).maxResults()).isEqualTo(1);
        assertThat(options.maxResults()).isEqualTo(Page.MAX_COUNT);
    }
}
