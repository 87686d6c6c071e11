package io.strongroom.replicator.stream;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.HashSet;

/**
 * Which own-log records still wait for a target's answer, and so how far the stream's position may be
 * committed: per partition, up to the lowest record with an unanswered command, or past the last
 * record read when none waits. A record's answer may bring follow-up commands (a replay after a gap);
 * they are attached to the same record, which is released only when all are answered.
 */
public final class InFlightWindow {
    private final Map<Integer, TreeMap<Long, Set<String>>> waiting = new HashMap<>();
    private final Map<Integer, Long> nextToRead = new HashMap<>();
    private final Map<String, PendingCommand> byCommandId = new HashMap<>();

    /** A record was read (whether or not it sends anything). */
    public void read(int partition, long offset) {
        nextToRead.merge(partition, offset + 1, Math::max);
    }

    /** The command waits for its answer; its record is held until then. */
    public void await(PendingCommand command) {
        byCommandId.put(command.commandId(), command);
        waiting.computeIfAbsent(command.partition(), p -> new TreeMap<>())
                .computeIfAbsent(command.offset(), o -> new HashSet<>())
                .add(command.commandId());
    }

    /** The command was answered: it no longer holds its record. Empty for a command not waited for. */
    public Optional<PendingCommand> answered(String commandId) {
        PendingCommand command = byCommandId.remove(commandId);
        if (command == null) {
            return Optional.empty();
        }
        TreeMap<Long, Set<String>> partition = waiting.get(command.partition());
        Set<String> ids = partition.get(command.offset());
        ids.remove(commandId);
        if (ids.isEmpty()) {
            partition.remove(command.offset());
        }
        return Optional.of(command);
    }

    public boolean isWaitingFor(String commandId) {
        return byCommandId.containsKey(commandId);
    }

    /** How many records are held. */
    public int heldRecords() {
        return waiting.values().stream().mapToInt(TreeMap::size).sum();
    }

    public boolean isEmpty() {
        return byCommandId.isEmpty();
    }

    public List<PendingCommand> pending() {
        return new ArrayList<>(byCommandId.values());
    }

    /** The next offset to commit per partition read so far. */
    public Map<Integer, Long> committable() {
        Map<Integer, Long> offsets = new HashMap<>();
        nextToRead.forEach((partition, next) -> {
            TreeMap<Long, Set<String>> held = waiting.get(partition);
            offsets.put(partition, held == null || held.isEmpty() ? next : held.firstKey());
        });
        return offsets;
    }

    /** Forgets everything: the stream reads again from its committed positions. */
    public void clear() {
        waiting.clear();
        nextToRead.clear();
        byCommandId.clear();
    }
}
