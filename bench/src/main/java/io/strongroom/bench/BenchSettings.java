package io.strongroom.bench;

import io.strongroom.bench.http.SignedClient;
import io.strongroom.bench.load.RateOption;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One benchmark run's settings.
 *
 * @param lanes event loops the generator sends from (each with its own connections and histogram)
 * @param serverPid the server's process on this machine (its CPU per call is reported), or null
 * @param replica   the replica region replication scenarios read from, or null when the run has none
 * @param prewarm  how long the server and the generator are warmed up (mixed calls, unmeasured) before the first
 *                 scenario: a JVM just started needs longer than one scenario's warm-up
 */
public record BenchSettings(URI endpoint, SignedClient.Credentials credentials, Duration warmup, Duration duration,
        int connections, RateOption rate, int secrets, int valueSize, List<String> scenarios, int lanes, Long serverPid,
        Duration prewarm, Replica replica) {

    /** A replica region: its endpoint, and credentials signing for it. */
    public record Replica(URI endpoint, SignedClient.Credentials credentials) {}

    /** Settings without a replica region. */
    public BenchSettings(URI endpoint, SignedClient.Credentials credentials, Duration warmup, Duration duration,
            int connections, RateOption rate, int secrets, int valueSize, List<String> scenarios, int lanes,
            Long serverPid, Duration prewarm) {
        this(endpoint, credentials, warmup, duration, connections, rate, secrets, valueSize, scenarios, lanes, serverPid,
                prewarm, null);
    }

    public BenchSettings withReplica(Replica replica) {
        return new BenchSettings(endpoint, credentials, warmup, duration, connections, rate, secrets, valueSize,
                scenarios, lanes, serverPid, prewarm, replica);
    }

    /** The settings as the JSON report states them (no secret key). */
    public Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("endpoint", endpoint.toString());
        out.put("accessKeyId", credentials.accessKeyId());
        out.put("region", credentials.region());
        out.put("warmupSeconds", warmup.toMillis() / 1000.0);
        out.put("durationSeconds", duration.toMillis() / 1000.0);
        out.put("connections", connections);
        out.put("rate", rate.toString());
        out.put("secrets", secrets);
        out.put("valueSize", valueSize);
        out.put("scenarios", scenarios);
        out.put("lanes", lanes);
        out.put("serverPid", serverPid);
        out.put("prewarmSeconds", prewarm.toMillis() / 1000.0);
        if (replica != null) {
            out.put("replicaEndpoint", replica.endpoint().toString());
            out.put("replicaRegion", replica.credentials().region());
        }
        return out;
    }
}
