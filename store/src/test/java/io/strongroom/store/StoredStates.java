package io.strongroom.store;

import io.strongroom.core.codec.Json;
import io.strongroom.core.crypto.WrappedKey;
import io.strongroom.core.secret.Lifecycle;
import io.strongroom.core.secret.SecretState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The states and key records the store's tests write, where only the id and the lifecycle matter. */
final class StoredStates {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private StoredStates() {}

    static SecretState state(String secretId, Lifecycle lifecycle) {
        return new SecretState(secretId, "111122223333", "us-east-1", "name-" + secretId, null, null, List.of(), T, T,
                null, null, Map.of(), 1, lifecycle);
    }

    /** A key record as the store keeps it: the JSON of a wrapped key. */
    static byte[] keyRecord(byte[] wrapped) {
        return Json.write(new WrappedKey("alias/aws/secretsmanager#1", wrapped));
    }
}
