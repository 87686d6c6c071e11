package io.strongroom.core.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.strongroom.core.event.EventEnvelope;
import io.strongroom.core.event.SecretEvent;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads an {@link EventEnvelope} field by field. Its payload's type is the sibling property
 * {@code type}: {@link EventEnvelopeWriter} writes it before the payload, Jackson's annotations (which
 * wrote the records of older versions) after it. Jackson's generic handling of such an external type id
 * buffers the whole envelope and was the largest part of decoding an outcome (profiled). This reader
 * buffers only the payload, and only when its type has not been read yet (a record of an older
 * version). The payload types are those {@link SecretEvent} lists, so a new event type needs no change here.
 */
final class EventEnvelopeReader extends StdDeserializer<EventEnvelope> implements ResolvableDeserializer {
    /** Looked up once ({@link #resolve}): finding a deserializer per value was half the cost of this reader. */
    private Map<String, JsonDeserializer<Object>> payloads = Map.of();
    private JsonDeserializer<Object> instants;

    EventEnvelopeReader() {
        super(EventEnvelope.class);
    }

    @Override
    public void resolve(DeserializationContext ctxt) throws JsonMappingException {
        Map<String, JsonDeserializer<Object>> found = new HashMap<>();
        for (Map.Entry<String, Class<? extends SecretEvent>> type : EventTypeNames.TYPES.entrySet()) {
            found.put(type.getKey(), ctxt.findRootValueDeserializer(ctxt.constructType(type.getValue())));
        }
        payloads = Map.copyOf(found);
        instants = ctxt.findRootValueDeserializer(ctxt.constructType(Instant.class));
    }

    @Override
    public EventEnvelope deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!p.isExpectedStartObjectToken()) {
            return (EventEnvelope) ctxt.handleUnexpectedToken(EventEnvelope.class, p);
        }
        int v = 0;
        long seq = 0;
        String eventId = null;
        String commandId = null;
        String secretId = null;
        String account = null;
        String region = null;
        String principal = null;
        Instant timestamp = null;
        String type = null;
        SecretEvent payload = null;
        TokenBuffer untypedPayload = null;
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            JsonToken value = p.nextToken();
            switch (field) {
                case "v" -> v = value == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : ctxt.readValue(p, Integer.class);
                case "seq" -> seq = value == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : ctxt.readValue(p, Long.class);
                case "eventId" -> eventId = text(p, ctxt);
                case "commandId" -> commandId = text(p, ctxt);
                case "secretId" -> secretId = text(p, ctxt);
                case "account" -> account = text(p, ctxt);
                case "region" -> region = text(p, ctxt);
                case "principal" -> principal = text(p, ctxt);
                case "timestamp" -> timestamp = value == JsonToken.VALUE_NULL ? null : (Instant) instants.deserialize(p, ctxt);
                case "type" -> type = text(p, ctxt);
                case "payload" -> {
                    if (value == JsonToken.VALUE_NULL) {
                        payload = null;
                    } else if (type != null) {
                        payload = (SecretEvent) payloadReader(type, ctxt).deserialize(p, ctxt);
                    } else {
                        untypedPayload = ctxt.bufferAsCopyOfValue(p);
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (untypedPayload != null) {
            if (type == null) {
                return (EventEnvelope) ctxt.reportInputMismatch(EventEnvelope.class,
                        "event payload without its external type id 'type'");
            }
            try (JsonParser buffered = untypedPayload.asParserOnFirstToken()) {
                payload = (SecretEvent) payloadReader(type, ctxt).deserialize(buffered, ctxt);
            }
        }
        return new EventEnvelope(v, eventId, commandId, secretId, account, seq, region, principal, timestamp, payload);
    }

    private static String text(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        return token == JsonToken.VALUE_NULL ? null : ctxt.readValue(p, String.class);
    }

    private JsonDeserializer<Object> payloadReader(String type, DeserializationContext ctxt) throws IOException {
        JsonDeserializer<Object> known = payloads.get(type);
        if (known == null) {
            // The message names the type id only (an event type name, never a value).
            ctxt.reportInputMismatch(SecretEvent.class, "unknown event type '%s'", type);
        }
        return known;
    }
}
