package io.strongroom.scheduler;

import io.strongroom.coordination.ZooKeeperSettings;
import io.strongroom.kafka.KafkaSettings;
import io.strongroom.kafka.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * @param tick how often the active instance looks for due secrets (real time)
 * @param commandDeadline how long a purge command stays valid; after it command-service rejects it
 * @param clock decides which secrets are due and stamps the commands' deadlines; tests move it
 * @param instanceId this instance's name in the leader latch, command ids and logs
 * @param stateDir where this instance keeps its checkpoint (one directory per instance); null: none, every
 *     start reads the whole events log
 */
public record SchedulerConfig(
        String region,
        KafkaSettings kafka,
        Topics topics,
        ZooKeeperSettings zookeeper,
        Duration tick,
        Duration commandDeadline,
        Clock clock,
        String instanceId,
        Path stateDir) {

    public static final Duration DEFAULT_TICK = Duration.ofSeconds(5);

    public static SchedulerConfig defaults(String region, KafkaSettings kafka, Topics topics, ZooKeeperSettings zookeeper) {
        return new SchedulerConfig(region, kafka, topics, zookeeper, DEFAULT_TICK, Duration.ofSeconds(30),
                Clock.systemUTC(), "scheduler-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString()
                        .substring(0, 8), null);
    }

    public SchedulerConfig withTick(Duration newTick) {
        return new SchedulerConfig(region, kafka, topics, zookeeper, newTick, commandDeadline, clock, instanceId, stateDir);
    }

    public SchedulerConfig withClock(Clock newClock) {
        return new SchedulerConfig(region, kafka, topics, zookeeper, tick, commandDeadline, newClock, instanceId, stateDir);
    }

    public SchedulerConfig withInstanceId(String newInstanceId) {
        return new SchedulerConfig(region, kafka, topics, zookeeper, tick, commandDeadline, clock, newInstanceId, stateDir);
    }

    public SchedulerConfig withStateDir(Path newStateDir) {
        return new SchedulerConfig(region, kafka, topics, zookeeper, tick, commandDeadline, clock, instanceId, newStateDir);
    }

    /** The region's one latch: whoever holds it purges. */
    public String leaderPath() {
        return "/strongroom/" + region + "/scheduler/leader";
    }

    /** A purge is sent again if nothing came of it within this time (its deadline passed, or the send was lost). */
    public Duration retryAfter() {
        return commandDeadline.plus(tick);
    }
}
