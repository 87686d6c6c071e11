package io.strongroom.core.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.core.event.EventEnvelope;
import io.strongroom.core.event.Outcome;
import io.strongroom.core.event.SecretCreated;
import io.strongroom.core.event.SecretEvent;
import io.strongroom.core.event.VersionStagesSet;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventEnvelopeReaderTest {
    static final String CREATED_PAYLOAD = "{\"name\":\"app/db\",\"tags\":[]}";
    static final EventEnvelope CREATED = new EventEnvelope(1, "c:0", "c", "id-1", "111122223333", 1, "us-east-1",
            "arn:aws:iam::111122223333:root", Instant.parse("2026-11-28T02:22:28.473473742Z"),
            new SecretCreated("app/db", null, null, List.of()));

    static EventEnvelope read(String json) {
        return Json.read(json.getBytes(StandardCharsets.UTF_8), EventEnvelope.class);
    }

    static String envelope(String payloadAndType) {
        return "{\"v\":1,\"eventId\":\"c:0\",\"commandId\":\"c\",\"secretId\":\"id-1\",\"account\":\"111122223333\","
                + "\"seq\":1,\"region\":\"us-east-1\",\"principal\":\"arn:aws:iam::111122223333:root\","
                + "\"timestamp\":\"2026-11-28T02:22:28.473473742Z\"," + payloadAndType + "}";
    }

    @Test
    void readsTheShapeOlderVersionsWroteWithTheTypeAfterThePayload() {
        assertThat(read(envelope("\"payload\":" + CREATED_PAYLOAD + ",\"type\":\"SecretCreated\""))).isEqualTo(CREATED);
    }

    @Test
    void readsTheTypeBeforeThePayloadToo() {
        assertThat(read(envelope("\"type\":\"SecretCreated\",\"payload\":" + CREATED_PAYLOAD))).isEqualTo(CREATED);
    }

    @Test
    void readsWhatTheMapperWrites() {
        assertThat(Json.read(Json.write(CREATED), EventEnvelope.class)).isEqualTo(CREATED);
    }

    @Test
    void ignoresUnknownFieldsAnywhereInTheEnvelope() {
        String json = envelope("\"future\":{\"nested\":[1,{\"x\":2}]},\"payload\":{\"name\":\"app/db\",\"tags\":[],"
                + "\"alsoFuture\":3},\"later\":\"x\",\"type\":\"SecretCreated\"");

        assertThat(read(json)).isEqualTo(CREATED);
    }

    @Test
    void readsMapKeysOfAnyNameInAPayloadOfAnOutcome() {
        EventEnvelope stages = new EventEnvelope(1, "c:2", "c", "id-1", "111122223333", 3, "us-east-1", "p",
                CREATED.timestamp(), new VersionStagesSet(Map.of("84941a54-78bb-432b-b251-2db30524aad3",
                        List.of("AWSCURRENT"), "v0", List.of())));
        Outcome outcome = new Outcome("c", "111122223333", CREATED.timestamp(), "id-1", Outcome.Status.APPLIED, null,
                null, List.of(CREATED, stages));

        assertThat(Json.read(Json.write(outcome), Outcome.class)).isEqualTo(outcome);
    }

    @Test
    void anEnvelopeWithoutPayloadHasNone() {
        assertThat(read(envelope("\"type\":\"SecretCreated\"")).payload()).isNull();
        assertThat(read(envelope("\"payload\":null")).payload()).isNull();
    }

    @Test
    void refusesAPayloadWithoutItsType() {
        assertThatThrownBy(() -> read(envelope("\"payload\":" + CREATED_PAYLOAD)))
                .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void refusesAnUnknownTypeWithoutEchoingThePayload() {
        assertThatThrownBy(() -> read(envelope("\"payload\":{\"name\":\"top-secret\"},\"type\":\"NoSuchEvent\"")))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageNotContaining("top-secret");
    }

    @Test
    void knowsEveryEventTypeTheInterfaceLists() {
        for (SecretEvent event : JsonTest.everyEvent()) {
            EventEnvelope envelope = new EventEnvelope(1, "c:0", "c", "id-1", "a", 1, "r", "p", CREATED.timestamp(), event);

            assertThat(Json.read(Json.write(envelope), EventEnvelope.class)).usingRecursiveComparison().isEqualTo(envelope);
        }
    }
}
