package io.strongroom.bench.load;

import io.strongroom.bench.http.CallResult;
import io.strongroom.bench.scenario.LaneClients;
import io.strongroom.bench.scenario.Scenario;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives a scenario according to a {@link LoadPlan} on one or more lanes, each an event loop with
 * its own clients and its own {@link LatencyRecorder} (merged at the end). All lanes share one start
 * instant, one warm-up and one measurement window.
 */
public final class LoadGenerator {
    /** An open loop stops sending once this many of a lane's calls are unanswered (counted as errors). */
    static final int MAX_OUTSTANDING_PER_LANE = 20_000;
    /** How long calls still unanswered at the end are awaited before they are counted as lost. */
    static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(30);

    public record Lane(Context context, LaneClients clients) {}

    private LoadGenerator() {}

    public static Future<LatencyRecorder> run(List<Lane> lanes, Scenario scenario, LoadPlan plan) {
        return run(lanes, scenario, plan, () -> { }, () -> { });
    }

    /** As {@link #run(List, Scenario, LoadPlan)}, calling {@code atWindowStart} and {@code atWindowEnd} (e.g. CPU meters). */
    public static Future<LatencyRecorder> run(List<Lane> lanes, Scenario scenario, LoadPlan plan, Runnable atWindowStart,
            Runnable atWindowEnd) {
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        long windowStart = start + plan.warmup().toNanos();
        long windowEnd = windowStart + plan.duration().toNanos();
        scenario.measuring(windowStart, windowEnd);
        io.vertx.core.Vertx vertx = lanes.get(0).context().owner();
        vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(windowStart - System.nanoTime())), id -> atWindowStart.run());
        vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(windowEnd - System.nanoTime())), id -> atWindowEnd.run());
        AtomicLong sequence = new AtomicLong();
        List<Future<LatencyRecorder>> runs = new ArrayList<>();
        for (int i = 0; i < lanes.size(); i++) {
            Lane lane = lanes.get(i);
            int connections = share(plan.connections(), lanes.size(), i);
            LaneRun run = new LaneRun(lane, scenario, sequence, new LatencyRecorder(windowStart, windowEnd), windowEnd);
            Promise<LatencyRecorder> done = Promise.promise();
            lane.context().runOnContext(v -> {
                if (plan.openLoop()) {
                    run.open(RateSchedule.over(start, plan.rate() / lanes.size(), windowEnd - start), done);
                } else {
                    run.closed(start, connections, done);
                }
            });
            runs.add(done.future());
        }
        return Future.all(runs).map(all -> {
            LatencyRecorder total = new LatencyRecorder(windowStart, windowEnd);
            runs.forEach(r -> total.add(r.result()));
            return total;
        });
    }

    /** Lane {@code i}'s share of {@code total}, at least 1. */
    static int share(int total, int lanes, int i) {
        return Math.max(1, total / lanes + (i < total % lanes ? 1 : 0));
    }

    /** One lane's run; every method runs on the lane's event loop. */
    private static final class LaneRun {
        private final Lane lane;
        private final Scenario scenario;
        private final AtomicLong sequence;
        private final LatencyRecorder recorder;
        private final long endNanos;
        private long outstanding;
        private long sent;
        private boolean sending = true;
        private Promise<LatencyRecorder> done;

        LaneRun(Lane lane, Scenario scenario, AtomicLong sequence, LatencyRecorder recorder, long endNanos) {
            this.lane = lane;
            this.scenario = scenario;
            this.sequence = sequence;
            this.recorder = recorder;
            this.endNanos = endNanos;
        }

        void open(RateSchedule schedule, Promise<LatencyRecorder> done) {
            this.done = done;
            lane.context().owner().setPeriodic(1, id -> {
                long due = schedule.dueBy(System.nanoTime());
                while (sent < due) {
                    long intended = schedule.intendedAt(sent++);
                    if (outstanding >= MAX_OUTSTANDING_PER_LANE) {
                        recorder.skipped(intended, "GeneratorBacklog");
                    } else {
                        send(intended, null);
                    }
                }
                if (sent >= schedule.calls()) {
                    lane.context().owner().cancelTimer(id);
                    finishSending();
                }
            });
        }

        void closed(long startNanos, int inFlight, Promise<LatencyRecorder> done) {
            this.done = done;
            long delayMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(startNanos - System.nanoTime()));
            lane.context().owner().setTimer(delayMillis, id -> {
                for (int i = 0; i < inFlight; i++) {
                    next();
                }
            });
        }

        /** Closed loop: the next call goes out as soon as the previous one is answered. */
        private void next() {
            long now = System.nanoTime();
            if (now >= endNanos) {
                finishSending();
                return;
            }
            send(now, this::next);
        }

        private void send(long intendedNanos, Runnable then) {
            outstanding++;
            Future<CallResult> call;
            try {
                call = scenario.call(sequence.getAndIncrement(), lane.clients());
            } catch (RuntimeException e) {
                call = Future.succeededFuture(CallResult.failure("GeneratorError"));
            }
            call.onComplete(ar -> {
                outstanding--;
                String code = ar.succeeded() ? ar.result().errorCode() : "GeneratorError";
                recorder.record(intendedNanos, System.nanoTime(), code);
                if (then != null) {
                    then.run();
                } else if (!sending) {
                    finishIfDrained();
                }
            });
        }

        private void finishSending() {
            if (!sending) {
                if (outstanding == 0) {
                    finishIfDrained();
                }
                return;
            }
            sending = false;
            lane.context().owner().setTimer(TimeUnit.NANOSECONDS.toMillis(DRAIN_NANOS), id -> {
                if (outstanding > 0) {
                    for (long i = 0; i < outstanding; i++) {
                        recorder.skipped(endNanos - 1, "NoAnswer");
                    }
                    done.tryComplete(recorder);
                }
            });
            finishIfDrained();
        }

        private void finishIfDrained() {
            if (outstanding == 0) {
                done.tryComplete(recorder);
            }
        }
    }
}
