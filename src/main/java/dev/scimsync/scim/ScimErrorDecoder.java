package dev.scimsync.scim;

import feign.Request;
import feign.Response;
import feign.RetryableException;
import feign.Util;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns an error response into a typed {@link ScimException}. Retryable statuses come back wrapped in a Feign
 * {@link RetryableException} (the typed exception as its cause) so that the {@link ScimRetryer} gets to decide;
 * with {@code ExceptionPropagationPolicy.UNWRAP} callers see the typed exception after the last attempt.
 */
final class ScimErrorDecoder implements ErrorDecoder {

    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final int MAX_DETAIL_CHARS = 300;

    private final JsonMapper mapper;
    private final String baseUrl;
    private final Clock clock;

    ScimErrorDecoder(JsonMapper mapper, String baseUrl, Clock clock) {
        this.mapper = mapper;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    @Override
    public Exception decode(String methodKey, Response response) {
        Request request = response.request();
        String method = request.httpMethod().name();
        Duration retryAfter = RetryAfter.parse(header(response, Util.RETRY_AFTER), clock).orElse(null);
        ScimException failure = ScimErrors.forStatus(response.status(), readError(response), method, request.url(),
                ScimErrors.path(request.url(), baseUrl), retryAfter);
        if (failure instanceof ScimRetryableException) {
            return new RetryableException(response.status(), failure.getMessage(), request.httpMethod(), failure,
                    (Long) null, request);
        }
        return failure;
    }

    private ScimError readError(Response response) {
        String body = readBody(response);
        if (body.isBlank()) {
            return ScimError.empty();
        }
        try {
            ScimError error = mapper.readValue(body, ScimError.class);
            return error == null ? ScimError.empty() : error;
        } catch (JacksonException notScimJson) {
            String text = body.strip();
            return ScimError.ofDetail(text.length() > MAX_DETAIL_CHARS ? text.substring(0, MAX_DETAIL_CHARS) + "…"
                    : text);
        }
    }

    private static String readBody(Response response) {
        if (response.body() == null) {
            return "";
        }
        try (InputStream in = response.body().asInputStream()) {
            return new String(in.readNBytes(MAX_BODY_BYTES), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            return "";
        }
    }

    private static String header(Response response, String name) {
        Collection<String> values = response.headers().get(name);
        return values == null || values.isEmpty() ? null : values.iterator().next();
    }
}
