package dev.scimsync.scim;

import com.fasterxml.jackson.annotation.JsonInclude;
import feign.RequestTemplate;
import feign.Response;
import feign.Util;
import feign.codec.Decoder;
import feign.codec.Encoder;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON side of the client: one tolerant {@link JsonMapper} and the Feign encoder/decoder over it. Reading
 * ignores the case of attribute names and unknown attributes and accepts a single object where a list is
 * expected (W&B's {@code emails}); writing leaves {@code null}s out.
 */
final class ScimJson implements Encoder, Decoder {

    private final JsonMapper mapper;

    ScimJson() {
        this(newMapper());
    }

    ScimJson(JsonMapper mapper) {
        this.mapper = mapper;
    }

    static JsonMapper newMapper() {
        return JsonMapper.builder()
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
                .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
                .build();
    }

    JsonMapper mapper() {
        return mapper;
    }

    @Override
    public void encode(Object object, Type bodyType, RequestTemplate template) {
        template.body(mapper.writeValueAsBytes(object), StandardCharsets.UTF_8);
    }

    /** An empty body (204, or a 200 without content) decodes to {@code null}, or to an empty list/optional. */
    @Override
    public Object decode(Response response, Type type) throws IOException {
        if (response.body() == null) {
            return Util.emptyValueOf(type);
        }
        byte[] bytes = Util.toByteArray(response.body().asInputStream());
        if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            return Util.emptyValueOf(type);
        }
        return mapper.readValue(bytes, mapper.constructType(type));
    }
}
