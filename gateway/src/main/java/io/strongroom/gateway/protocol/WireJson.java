package io.strongroom.gateway.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The JSON of the AWS wire (JSON 1.1), kept apart from {@code core.codec.Json}, which encodes
 * Strongroom's own records: AWS field names are written by hand into trees, timestamps are epoch
 * seconds as a JSON number with millisecond fractions (e.g. {@code 1700000000.123}), blobs are
 * base64 text. Duplicate keys in a request are refused rather than silently resolved.
 */
public final class WireJson {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private WireJson() {}

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static JsonNode timestamp(Instant instant) {
        return new DecimalNode(BigDecimal.valueOf(instant.toEpochMilli(), 3));
    }

    public static byte[] write(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            // A tree of plain nodes always serialises; this is a programming error.
            throw new IllegalStateException("cannot write a response tree", e);
        }
    }
}
