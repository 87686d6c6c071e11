package io.strongroom.command.state;

import io.strongroom.core.secret.SecretState;
import io.strongroom.store.SecretStore;
import java.util.Map;

/** Writes an overlay's states and the events offsets they reach to the store, atomically. */
public final class StateWriter {
    private StateWriter() {}

    public static void write(SecretStore store, StateOverlay overlay, String eventsTopic, Map<Integer, Long> nextOffsets) {
        SecretStore.Batch batch = store.batch();
        for (SecretState state : overlay.changed()) {
            batch.put(state, overlay.stored(state.secretId()));
        }
        nextOffsets.forEach((partition, offset) -> batch.nextOffset(eventsTopic, partition, offset));
        batch.commit();
    }
}
