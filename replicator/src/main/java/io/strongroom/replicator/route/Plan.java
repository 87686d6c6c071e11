package io.strongroom.replicator.route;

import io.strongroom.core.event.EventEnvelope;
import java.util.List;

/** What one own-log outcome asks of one target region. */
public sealed interface Plan {
    /** Carry these replicable events (the outcome's, in order) as a delta. */
    record Delta(List<EventEnvelope> events) implements Plan {
        public Delta {
            events = List.copyOf(events);
        }
    }

    /** The target was just added: replay the secret's whole history from the own log. */
    record FullSync() implements Plan {}

    /** The target was removed with its replica: delete the replica there. */
    record RemoveReplica() implements Plan {}

    /** The own replica was promoted: tell its former primary (the target) to forget this region. */
    record ForgetReplica() implements Plan {}
}
