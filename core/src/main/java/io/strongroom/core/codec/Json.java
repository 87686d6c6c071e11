package io.strongroom.core.codec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import io.strongroom.core.event.EventEnvelope;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one JSON mapping of Strongroom's own records (commands, events, state, key records). Instants
 * are ISO-8601 text, binary is base64, nulls are left out, and unknown fields are ignored so newer
 * writers do not break older readers.
 */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    // Version ids are map keys (stagesByVersion, versions): canonicalizing field names put each
                    // new one in the shared symbol table, which then filled up and was copied whole by every
                    // parser that met a new name: 80 µs of CPU per outcome decoded (profiled), 10x the parse.
                    .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
                    .build())
            .addModule(new JavaTimeModule())
            // Generated accessors instead of reflection: JSON is most of the CPU of a write (profiled).
            .addModule(new BlackbirdModule())
            // After JavaTimeModule, so that its Instant (de)serializers are the ones used.
            .addModule(InstantText.module()
                    .addSerializer(EventEnvelope.class, new EventEnvelopeWriter())
                    .addDeserializer(EventEnvelope.class, new EventEnvelopeReader()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private Json() {}

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    public static <T> T read(byte[] bytes, Class<T> type) {
        try {
            return MAPPER.readValue(bytes, type);
        } catch (IOException e) {
            // The message names the type and position only, never the bytes: they may be ciphertext of a secret.
            throw new UncheckedIOException("cannot decode " + type.getSimpleName() + " (" + e.getClass().getSimpleName() + ")", e);
        }
    }
}
