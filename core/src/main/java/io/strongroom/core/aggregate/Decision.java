package io.strongroom.core.aggregate;

import io.strongroom.core.error.Rejection;
import io.strongroom.core.event.SecretEvent;
import java.util.List;

/** The result of {@link SecretAggregate#decide}: events to append, a rejection, or an idempotent no-op. */
public sealed interface Decision {

    record Accept(List<SecretEvent> events, List<KeyChange> keyChanges) implements Decision {
        public Accept {
            events = List.copyOf(events);
            keyChanges = List.copyOf(keyChanges);
        }
    }

    record Reject(Rejection rejection) implements Decision {}

    /** The ClientRequestToken names an existing version: nothing changes; the gateway checks the value matches. */
    record Unchanged(String existingVersionId) implements Decision {}
}
