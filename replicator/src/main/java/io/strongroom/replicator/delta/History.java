package io.strongroom.replicator.delta;

import io.strongroom.core.event.EventEnvelope;
import io.strongroom.core.event.Outcome;
import io.strongroom.core.replication.ReplicableEvents;
import java.util.ArrayList;
import java.util.List;

/**
 * A secret's replicable history collected from its outcomes in log order: one group per outcome,
 * only events with {@code seq >= fromSeq}. What a replay (full sync or gap repair) sends.
 */
public final class History {
    private final String secretId;
    private final long fromSeq;
    private final List<List<EventEnvelope>> groups = new ArrayList<>();

    public History(String secretId, long fromSeq) {
        this.secretId = secretId;
        this.fromSeq = fromSeq;
    }

    public void add(Outcome outcome) {
        if (outcome.status() != Outcome.Status.APPLIED || !secretId.equals(outcome.secretId())) {
            return;
        }
        List<EventEnvelope> group = outcome.events().stream()
                .filter(e -> ReplicableEvents.isReplicable(e.payload()) && e.seq() >= fromSeq)
                .toList();
        if (!group.isEmpty()) {
            groups.add(group);
        }
    }

    public List<List<EventEnvelope>> groups() {
        return List.copyOf(groups);
    }

    public boolean isEmpty() {
        return groups.isEmpty();
    }
}
