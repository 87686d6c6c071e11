package io.strongroom.systemtests.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ground truth of a crash test: every write a client issued (secret name, ClientRequestToken,
 * value) in issue order, and which of them the service acknowledged. Thread-safe; writers share one.
 */
public final class WriteLedger {
    /** One write: a CreateSecret or PutSecretValue whose new version's id is {@code token}. */
    public record Write(String name, String token, String value) {}

    private final Map<String, List<Write>> issuedByName = new LinkedHashMap<>();
    private final List<Write> acknowledged = new ArrayList<>();
    private final List<Write> retried = new ArrayList<>();
    private final Map<Write, Long> issuedAt = new HashMap<>();
    private final Map<Write, Long> acknowledgedAt = new HashMap<>();
    private int failedAttempts;

    /** Records a write before its first attempt. */
    public synchronized Write issue(String name, String token, String value) {
        Write write = new Write(name, token, value);
        issuedByName.computeIfAbsent(name, n -> new ArrayList<>()).add(write);
        issuedAt.put(write, System.nanoTime());
        return write;
    }

    /** Records an attempt that got no success answer (no connection, a 5xx); the write will be retried. */
    public synchronized void attemptFailed() {
        failedAttempts++;
    }

    /** Records the service's success answer; {@code attempts} > 1 means the write was retried with its token. */
    public synchronized void acknowledge(Write write, int attempts) {
        acknowledged.add(write);
        acknowledgedAt.put(write, System.nanoTime());
        if (attempts > 1) {
            retried.add(write);
        }
    }

    public synchronized int failedAttempts() {
        return failedAttempts;
    }

    /** How long the oldest write still waiting for its acknowledgement has waited; zero if none waits. */
    public synchronized Duration longestInFlight() {
        long now = System.nanoTime();
        return unacknowledged().stream().map(w -> Duration.ofNanos(now - issuedAt.get(w)))
                .max(Comparator.naturalOrder()).orElse(Duration.ZERO);
    }

    /** Acknowledged writes issued before the instant {@code nanos} ({@link System#nanoTime()}) and acknowledged after it. */
    public synchronized List<Write> waitingAcross(long nanos) {
        return acknowledged.stream()
                .filter(w -> issuedAt.get(w) - nanos < 0 && acknowledgedAt.get(w) - nanos > 0)
                .toList();
    }

    public synchronized Set<String> names() {
        return Set.copyOf(issuedByName.keySet());
    }

    /** The writes to one secret, in the order they were issued. */
    public synchronized List<Write> issued(String name) {
        return List.copyOf(issuedByName.getOrDefault(name, List.of()));
    }

    public synchronized List<Write> acknowledged() {
        return List.copyOf(acknowledged);
    }

    public synchronized int acknowledgedCount() {
        return acknowledged.size();
    }

    /** Writes that needed more than one attempt: those in flight when something crashed. */
    public synchronized List<Write> retried() {
        return List.copyOf(retried);
    }

    /** Writes issued and not (yet) acknowledged. */
    public synchronized List<Write> unacknowledged() {
        List<Write> open = new ArrayList<>();
        issuedByName.values().forEach(open::addAll);
        open.removeAll(acknowledged);
        return open;
    }
}
