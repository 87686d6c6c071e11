package io.strongroom.bench;

import io.strongroom.bench.ceiling.CeilingServer;
import io.strongroom.bench.http.SignedClient;
import io.strongroom.bench.load.LatencyRecorder;
import io.strongroom.bench.load.LoadGenerator;
import io.strongroom.bench.load.LoadPlan;
import io.strongroom.bench.report.CpuMeter;
import io.strongroom.bench.report.ScenarioResult;
import io.strongroom.bench.scenario.LaneClients;
import io.strongroom.bench.scenario.Scenario;
import io.strongroom.bench.scenario.ScenarioSetup;
import io.strongroom.bench.scenario.Scenarios;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.concurrent.TimeUnit;

/**
 * Runs the scenarios of a {@link BenchSettings} one after the other against one endpoint (plus the
 * ceiling server when {@code ceiling} is among them), each set up unmeasured, then warmed up, then
 * measured; with {@code --rate max+half} each scenario runs twice. Throughputs are finally expressed
 * as fractions of the ceiling's.
 */
public final class BenchRun {
    /** Quiet: the server uses less than this share of one core. */
    private static final double QUIET_CORES = 0.3;
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration SETTLE_WITHOUT_PID = Duration.ofSeconds(3);

    private final BenchSettings settings;
    private final PrintStream progress;

    public BenchRun(BenchSettings settings, PrintStream progress) {
        this.settings = settings;
        this.progress = progress;
    }

    public List<ScenarioResult> run() {
        return run(setup -> Future.succeededFuture());
    }

    /**
     * Runs the scenarios after {@code prepare} (unmeasured, e.g. loading a large set of secrets the
     * scenarios then share) has completed on this run's setup.
     */
    public List<ScenarioResult> run(Function<ScenarioSetup, Future<?>> prepare) {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(settings.lanes()));
        CeilingServer ceiling = settings.scenarios().contains(Scenarios.CEILING)
                ? CeilingServer.start(settings.valueSize()) : null;
        List<LoadGenerator.Lane> lanes = new ArrayList<>();
        SignedClient setupClient = new SignedClient(vertx, settings.endpoint(), settings.credentials(), 32);
        BenchSettings.Replica replica = settings.replica();
        SignedClient replicaSetupClient = replica == null ? null
                : new SignedClient(vertx, replica.endpoint(), replica.credentials(), 32);
        try {
            List<io.vertx.core.Context> contexts = LaneContexts.create(vertx, settings.lanes());
            for (int i = 0; i < settings.lanes(); i++) {
                int connections = Math.max(1, (settings.connections() + settings.lanes() - 1) / settings.lanes());
                lanes.add(new LoadGenerator.Lane(contexts.get(i), new LaneClients(
                        new SignedClient(vertx, settings.endpoint(), settings.credentials(), connections),
                        ceiling == null ? null : new SignedClient(vertx, ceiling.endpoint(), settings.credentials(), connections),
                        replica == null ? null : new SignedClient(vertx, replica.endpoint(), replica.credentials(), connections))));
            }
            String runId = Long.toString(System.currentTimeMillis(), 36);
            ScenarioSetup setup = new ScenarioSetup(setupClient, runId, settings.valueSize(), settings.secrets());
            if (replica != null) {
                setup.withReplica(replica.credentials().region(), replicaSetupClient);
            }
            await(prepare.apply(setup), "prepare the run");
            prewarm(setup, lanes);
            List<ScenarioResult> results = new ArrayList<>();
            for (String name : settings.scenarios()) {
                results.addAll(runScenario(name, setup, lanes));
            }
            return relativeToCeiling(results);
        } finally {
            lanes.forEach(lane -> lane.clients().close());
            setupClient.close();
            if (replicaSetupClient != null) {
                replicaSetupClient.close();
            }
            if (ceiling != null) {
                ceiling.close();
            }
            vertx.close();
        }
    }

    /** Mixed reads and writes, unmeasured, so the first scenario does not measure a cold JVM. */
    private void prewarm(ScenarioSetup setup, List<LoadGenerator.Lane> lanes) {
        if (settings.prewarm().isZero()) {
            return;
        }
        LoadPlan plan = LoadPlan.closed(settings.connections(), settings.prewarm(), Duration.ofMillis(1));
        Scenario mixed = Scenarios.create("mixed", settings.secrets());
        progress.printf("pre-warming the server and the generator: %s for %d s (unmeasured)%n", mixed.description(),
                settings.prewarm().toSeconds());
        await(mixed.setUp(setup.forPlan(plan)), "set up the pre-warm");
        await(LoadGenerator.run(lanes, mixed, plan), "pre-warm");
    }

    private List<ScenarioResult> runScenario(String name, ScenarioSetup setup, List<LoadGenerator.Lane> lanes) {
        List<ScenarioResult> results = new ArrayList<>();
        LoadPlan first = settings.rate().max()
                ? LoadPlan.closed(settings.connections(), settings.warmup(), settings.duration())
                : LoadPlan.open(settings.rate().rate(), settings.connections(), settings.warmup(), settings.duration());
        List<ScenarioResult> atFirst = measure(name, setup, lanes, first);
        results.addAll(atFirst);
        ScenarioResult result = atFirst.get(0);
        if (settings.rate().thenHalf() && result.achievedPerSecond() >= 2) {
            LoadPlan half = LoadPlan.open(result.achievedPerSecond() / 2, settings.connections(), settings.warmup(),
                    settings.duration());
            results.addAll(measure(name, setup, lanes, half));
        }
        return results;
    }

    /** The scenario's row, then the rows of its parts (if its calls are compound). */
    private List<ScenarioResult> measure(String name, ScenarioSetup setup, List<LoadGenerator.Lane> lanes, LoadPlan plan) {
        Scenario scenario = Scenarios.create(name, settings.secrets());
        progress.printf("%s: setting up (%s)%n", name, scenario.description());
        await(scenario.setUp(setup.forPlan(plan)), "set up " + name);
        settle();
        progress.printf("%s @ %s: %d s warm-up, %d s measured%n", name, plan.describe(),
                plan.warmup().toSeconds(), plan.duration().toSeconds());
        // The ceiling is served from this JVM, not by the server process.
        Optional<CpuMeter> server = settings.serverPid() == null || name.equals(Scenarios.CEILING) ? Optional.empty()
                : CpuMeter.of(settings.serverPid());
        Optional<CpuMeter> generator = CpuMeter.self();
        LatencyRecorder recorder = await(LoadGenerator.run(lanes, scenario, plan,
                () -> Stream.of(server, generator).flatMap(Optional::stream).forEach(CpuMeter::start),
                () -> Stream.of(server, generator).flatMap(Optional::stream).forEach(CpuMeter::end)), "run " + name);
        long answered = recorder.completedInWindow();
        ScenarioResult result = ScenarioResult.of(name, scenario.description(), plan, recorder).withCpu(
                server.map(m -> m.microsPerCall(answered)).orElse(null),
                generator.map(m -> m.microsPerCall(answered)).orElse(null));
        progress.printf("%s @ %s: %.0f req/s, p99 %.2f ms, %d errors%n", name, plan.describe(),
                result.achievedPerSecond(), result.p99(), result.errorCount());
        List<ScenarioResult> rows = new ArrayList<>(List.of(result));
        rows.addAll(scenario.parts(plan));
        return rows;
    }

    /** After a setup's writes, the server's background work must not spill into the measurement. */
    private void settle() {
        Optional<CpuMeter> server = settings.serverPid() == null ? Optional.empty() : CpuMeter.of(settings.serverPid());
        try {
            if (server.isEmpty()) {
                Thread.sleep(SETTLE_WITHOUT_PID.toMillis());
            } else if (!server.get().awaitQuiet(QUIET_CORES, SETTLE_TIMEOUT)) {
                progress.printf("  (the server was still busy after %d s; measuring anyway)%n", SETTLE_TIMEOUT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the server to settle", e);
        }
    }

    private static List<ScenarioResult> relativeToCeiling(List<ScenarioResult> results) {
        double ceiling = results.stream().filter(r -> r.scenario().equals(Scenarios.CEILING))
                .mapToDouble(ScenarioResult::achievedPerSecond).max().orElse(0);
        if (ceiling <= 0) {
            return results;
        }
        return results.stream().map(r -> r.relativeTo(ceiling)).toList();
    }

    private static <T> T await(Future<T> future, String what) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(2, TimeUnit.HOURS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + what, e);
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("could not " + what + ": " + cause.getMessage(), cause);
        }
    }
}
