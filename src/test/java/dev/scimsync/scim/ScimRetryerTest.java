package dev.scimsync.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import feign.Request;
import feign.Request.HttpMethod;
import feign.RequestTemplate;
import feign.RetryableException;
import feign.Retryer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The retry decisions and delays, without HTTP (the HTTP behaviour is in {@link ScimRetryTest}). */
class ScimRetryerTest {

    private static final String BASE = "http://h/scim";

    private final List<Duration> sleeps = new ArrayList<>();
    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(10),
            Duration.ofSeconds(60), sleeps::add);

    @Test
    void backsOffWithFullJitterUnderAGrowingCeiling() {
        Retryer retryer = new ScimRetryer(policy, BASE).clone();

        for (int i = 0; i < 4; i++) {
            retryer.continueOrPropagate(ioError(HttpMethod.GET, new SocketTimeoutException("read timed out")));
        }

        assertThat(sleeps).hasSize(4);
        for (int i = 0; i < 4; i++) {
            assertThat(sleeps.get(i)).isBetween(Duration.ZERO, Duration.ofMillis(200L << i));
        }
        assertThatThrownBy(() -> retryer.continueOrPropagate(ioError(HttpMethod.GET, new IOException("reset"))))
                .isInstanceOf(ScimRetryableException.class)
                .hasMessage("GET /Users → no response (java.io.IOException: reset)")
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void honoursRetryAfterCappedAtTheMaximum() {
        Retryer retryer = new ScimRetryer(policy, BASE);

        retryer.continueOrPropagate(status(HttpMethod.GET, 503, Duration.ofSeconds(3)));
        retryer.continueOrPropagate(status(HttpMethod.GET, 429, Duration.ofHours(1)));

        assertThat(sleeps).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(60));
    }

    @Test
    void cloneStartsAFreshCountSoOneCallCannotUseUpAnothersAttempts() {
        ScimRetryer prototype = new ScimRetryer(policy, BASE);
        ScimRetryer first = (ScimRetryer) prototype.clone();
        first.continueOrPropagate(status(HttpMethod.GET, 500, null));
        first.continueOrPropagate(status(HttpMethod.GET, 500, null));

        ScimRetryer second = (ScimRetryer) prototype.clone();

        assertThat(first.attempt()).isEqualTo(3);
        assertThat(second).isNotSameAs(prototype);
        assertThat(second.attempt()).isEqualTo(1);
        assertThat(prototype.attempt()).isEqualTo(1);
    }

    @Test
    void neverRepeatsAPostThatMayHaveArrived() {
        Retryer retryer = new ScimRetryer(policy, BASE);

        assertThatThrownBy(() -> retryer.continueOrPropagate(ioError(HttpMethod.POST,
                new SocketTimeoutException("Read timed out"))))
                .isInstanceOf(ScimUnknownOutcomeException.class)
                .hasMessageContaining("outcome is unknown");
        assertThatThrownBy(() -> retryer.continueOrPropagate(status(HttpMethod.POST, 500, null)))
                .isInstanceOf(ScimUnknownOutcomeException.class)
                .hasCauseInstanceOf(ScimRetryableException.class);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void repeatsAPostThatNeverLeftOrWasNotProcessed() {
        Retryer retryer = new ScimRetryer(policy, BASE);

        retryer.continueOrPropagate(ioError(HttpMethod.POST, new ConnectException("Connection refused")));
        retryer.continueOrPropagate(status(HttpMethod.POST, 429, null));
        retryer.continueOrPropagate(status(HttpMethod.POST, 503, null));

        assertThat(sleeps).hasSize(3);
    }

    @Test
    void parsesRetryAfterInBothForms() {
        Clock clock = Clock.fixed(Instant.parse("2015-10-21T07:27:30Z"), ZoneOffset.UTC);

        assertThat(RetryAfter.parse("120", clock)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 0 ", clock)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT", clock)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:00:00 GMT", clock)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", clock)).isEmpty();
        assertThat(RetryAfter.parse("99999999999999999999999", clock)).isEmpty();
        assertThat(RetryAfter.parse(null, clock)).isEmpty();
    }

    private static Request request(HttpMethod method) {
        return Request.create(method, BASE + "/Users", Map.of(), null, null, new RequestTemplate());
    }

    private static RetryableException ioError(HttpMethod method, IOException cause) {
        return new RetryableException(-1, cause.getMessage(), method, cause, (Long) null, request(method));
    }

    private static RetryableException status(HttpMethod method, int status, Duration retryAfter) {
        ScimRetryableException typed = new ScimRetryableException(method + " /Users → " + status, status, null,
                method.name(), BASE + "/Users", retryAfter, null);
        return new RetryableException(status, typed.getMessage(), method, typed, (Long) null, request(method));
    }
}
