package io.strongroom.gateway.operations;

import io.strongroom.core.query.ReadModel;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports value reads to the projection for LastAccessedDate, fire-and-forget: once per secret and
 * UTC day from this gateway (the projection publishes once per day region-wide and merges it). A
 * report that fails is simply retried by the next read; a read never fails because of it.
 */
final class AccessRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(AccessRecorder.class);
    private static final int FORGET_ABOVE = 100_000;

    private final Clock clock;
    private final Map<String, LocalDate> reported = new ConcurrentHashMap<>();

    AccessRecorder(Clock clock) {
        this.clock = clock;
    }

    void valueRead(ReadModel reader, String secretId) {
        // the UTC day from the epoch second: LocalDate.ofInstant builds a new ZoneRules on every read
        LocalDate today = LocalDate.ofEpochDay(Math.floorDiv(clock.instant().getEpochSecond(), 86_400L));
        if (today.equals(reported.get(secretId))) {
            return;
        }
        try {
            reader.recordAccess(secretId, today).whenComplete((done, failure) -> {
                if (failure == null) {
                    reported.put(secretId, today);
                    if (reported.size() > FORGET_ABOVE) {
                        reported.values().removeIf(day -> day.isBefore(today));
                    }
                } else {
                    LOG.debug("access of secret {} not recorded: {}", secretId, failure.toString());
                }
            });
        } catch (RuntimeException e) {
            LOG.debug("access of secret {} not recorded: {}", secretId, e.toString());
        }
    }
}
