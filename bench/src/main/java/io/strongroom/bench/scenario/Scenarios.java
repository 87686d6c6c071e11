package io.strongroom.bench.scenario;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The scenarios by name, in the order {@code all} runs them (the ceiling last). A new scenario (e.g. {@code
 * replication-lag}: write through the primary endpoint, poll the replica's until the version is
 * readable) is one more line here and one class.
 */
public final class Scenarios {
    public static final String CEILING = "ceiling";
    public static final String ALL = "all";
    static final String LARGE_SET = "large";
    static final String HOT_SET = "hot";
    static final int HOT_SET_SIZE = 10;

    /** Each entry builds a fresh instance from the size of the large set (--secrets). */
    private static final Map<String, IntFunction<Scenario>> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put("get-hot", n -> new ReadScenario("get-hot", "GetSecretValue", HOT_SET, HOT_SET_SIZE));
        BY_NAME.put("get-cold", n -> new ReadScenario("get-cold", "GetSecretValue", LARGE_SET, n));
        BY_NAME.put("describe", n -> new ReadScenario("describe", "DescribeSecret", LARGE_SET, n));
        BY_NAME.put("list", ListScenario::new);
        BY_NAME.put("batch-get", BatchGetScenario::new);
        BY_NAME.put("put", n -> WriteScenario.puts());
        BY_NAME.put("create", n -> new CreateScenario());
        BY_NAME.put("mixed", WriteScenario::mixed);
        BY_NAME.put(ReplicationLagScenario.NAME, n -> new ReplicationLagScenario());
        // Last: by then the generator's JVM is warm, so the reference is not understated.
        BY_NAME.put(CEILING, n -> new CeilingScenario());
    }

    private Scenarios() {}

    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    /** The names asked for, {@code all} expanded, in the order given; unknown names are refused. */
    public static List<String> resolve(List<String> requested) {
        List<String> names = new ArrayList<>();
        for (String name : requested) {
            if (ALL.equals(name)) {
                names().stream().filter(n -> !names.contains(n)).forEach(names::add);
            } else if (!BY_NAME.containsKey(name)) {
                throw new IllegalArgumentException("unknown scenario '" + name + "'; known: " + names() + " or all");
            } else if (!names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /** The large set ({@code --secrets}) the cold-read, describe, list, batch and mixed scenarios share. */
    public static Future<SecretSet> largeSet(ScenarioSetup setup) {
        return setup.shared(LARGE_SET, setup.largeSetSize());
    }

    /** The names without those that need a replica region, for a run that has none. */
    public static List<String> withoutReplica(List<String> names) {
        return names.stream().filter(n -> !n.equals(ReplicationLagScenario.NAME)).toList();
    }

    public static Scenario create(String name, int largeSetSize) {
        IntFunction<Scenario> factory = BY_NAME.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("unknown scenario '" + name + "'");
        }
        return factory.apply(largeSetSize);
    }
}
