package dev.scimsync.plan;

import tools.jackson.databind.json.JsonMapper;

/** The one mapper for operation payloads. */
final class PayloadJson {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private PayloadJson() {
    }
}
