package io.strongroom.bench.cli;

import io.strongroom.bench.BenchSettings;
import io.strongroom.bench.dev.DevProcess;
import io.strongroom.bench.http.SignedClient;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Option;

/** Which region a benchmark drives: an endpoint, or a dev cluster it starts itself ({@code --dev}). */
final class TargetOptions {
    /** The dev identity of {@code strongroom dev} (DevCluster's; deploy depends on bench, not the reverse). */
    static final String DEV_ACCESS_KEY_ID = "AKIASTRONGROOMDEV0001";
    static final String DEV_SECRET_ACCESS_KEY = "strongroom-dev-secret";

    @Option(names = "--endpoint", defaultValue = "http://127.0.0.1:7070",
            description = "the Secrets Manager endpoint to drive (default: ${DEFAULT-VALUE}; ignored with --dev)")
    String endpoint;

    @Option(names = "--dev", description = "start `strongroom dev` in a child JVM (temporary data directory, free port),"
            + " drive it, and stop it at the end (also on Ctrl-C)")
    boolean dev;

    /**
     * The dev cluster's default heap. Reads allocate ~25 KB a call and almost nothing survives, yet G1's
     * young pauses took 12-17 ms here (scanning old-to-young cards, with ~1.5 MB copied): every 0.8 s at
     * ~11,000 reads/s, they alone put p99 over 5 ms at half that rate. The parallel collector's young
     * pauses took 3-7 ms, and a fixed 768 MB young generation makes them ~2.5x rarer (every ~4.5 s at
     * half rate). Its trade: a full collection, when the 768 MB old generation fills (long after a
     * benchmark), stops everything for longer than G1 would.
     */
    static final String DEV_JAVA_OPTS = "-Xms1536m -Xmx1536m -Xmn768m -XX:+UseParallelGC -XX:MetaspaceSize=128m";

    @Option(names = "--dev-java-opts", defaultValue = DEV_JAVA_OPTS,
            description = "JVM options of the --dev child (default: ${DEFAULT-VALUE})")
    String devJavaOpts;

    @Option(names = "--jfr", description = "with --dev: record a JFR profile of the dev cluster into this file")
    Path jfr;

    @Option(names = "--region", defaultValue = "us-east-1", description = "the region signatures are scoped to (default: ${DEFAULT-VALUE})")
    String region;

    @Option(names = "--replica-endpoint", description = "the replica region's endpoint, for replication-lag"
            + " (default with --dev: its second region, on the port after the first's; else none)")
    String replicaEndpoint;

    @Option(names = "--replica-region", defaultValue = "eu-west-1",
            description = "the replica region: where replication-lag replicates to and its reads are signed for"
                    + " (default: ${DEFAULT-VALUE}, the second region of --dev)")
    String replicaRegion;

    @Option(names = "--access-key-id", defaultValue = DEV_ACCESS_KEY_ID,
            description = "the signing access key id (default: the dev identity, ${DEFAULT-VALUE})")
    String accessKeyId;

    @Option(names = "--secret-access-key", defaultValue = DEV_SECRET_ACCESS_KEY,
            description = "the signing secret access key (default: the dev identity's)")
    String secretAccessKey;

    SignedClient.Credentials credentials() {
        return new SignedClient.Credentials(accessKeyId, secretAccessKey, region);
    }

    /** The replica region to read from: --replica-endpoint, else --dev's second region, else none. */
    BenchSettings.Replica replica(DevProcess dev) {
        URI endpoint = replicaEndpoint != null ? URI.create(replicaEndpoint)
                : dev != null && dev.replicated() ? dev.replicaEndpoint() : null;
        return endpoint == null ? null : new BenchSettings.Replica(endpoint,
                new SignedClient.Credentials(accessKeyId, secretAccessKey, replicaRegion));
    }

    DevProcess devProcess() {
        return devProcess(false);
    }

    /** @param replicated whether the dev cluster runs its second region (the replica) too */
    DevProcess devProcess(boolean replicated) {
        List<String> options = new ArrayList<>(Arrays.asList(devJavaOpts.trim().split("\\s+")));
        options.removeIf(String::isEmpty);
        if (jfr != null) {
            options.add("-XX:StartFlightRecording=filename=" + jfr.toAbsolutePath() + ",settings=profile,dumponexit=true");
        }
        return DevProcess.inTempDirectory(options, replicated);
    }
}
