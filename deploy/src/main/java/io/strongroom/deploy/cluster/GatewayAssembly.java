package io.strongroom.deploy.cluster;

import io.strongroom.core.crypto.EnvelopeCipher;
import io.strongroom.gateway.GatewayConfig;
import io.strongroom.gateway.auth.AccessKeyAccounts;
import io.strongroom.gateway.audit.GatewayIdFile;
import io.strongroom.gateway.audit.KafkaAuditTrail;
import io.strongroom.gateway.auth.SigV4Authenticator;
import io.strongroom.gateway.commands.CommandBus;
import io.strongroom.gateway.crypto.MasterKeySource;
import io.strongroom.gateway.projection.ProjectionDirectory;
import io.strongroom.kafka.KafkaSettings;
import io.strongroom.kafka.Topics;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;

/** How every gateway of a deployment is wired, in one JVM with the other services or alone. */
public final class GatewayAssembly {
    private GatewayAssembly() {}

    /** A gateway config with everything but readiness: identities, command bus, projections, master keys. */
    public static GatewayConfig.Builder config(String region, String host, int port, AccessKeyAccounts identities,
            CommandBus commands, ProjectionDirectory projections, Path keyDir) {
        return config(region, host, port, identities, commands, projections, cipher(keyDir));
    }

    /** As above, with the region's envelope cipher already loaded (shared with the replicator). */
    public static GatewayConfig.Builder config(String region, String host, int port, AccessKeyAccounts identities,
            CommandBus commands, ProjectionDirectory projections, EnvelopeCipher cipher) {
        return GatewayConfig.builder()
                .region(region)
                .host(host)
                .port(port)
                .authenticator(new SigV4Authenticator(identities, region, Clock.systemUTC()))
                .commandBus(commands)
                .projections(projections)
                .cipher(cipher);
    }

    /** The region's envelope cipher over its master keys (environment, or the key file in {@code keyDir}). */
    public static EnvelopeCipher cipher(Path keyDir) {
        SecureRandom random = new SecureRandom();
        return new EnvelopeCipher(MasterKeySource.load(System.getenv(), keyDir, random), random);
    }

    /**
     * The gateway's audit trail, started: its chain is named by the id kept in {@code dataDir} and
     * continues from its last record on the topic. The caller closes it after the gateway.
     */
    public static KafkaAuditTrail auditTrail(KafkaSettings kafka, Topics topics, Path dataDir) {
        return new KafkaAuditTrail(kafka, topics.audit(), GatewayIdFile.loadOrCreate(dataDir),
                KafkaAuditTrail.DEFAULT_CAPACITY).start();
    }
}
