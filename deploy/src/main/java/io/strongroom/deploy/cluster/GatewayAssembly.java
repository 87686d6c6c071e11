package io.strongroom.deploy.cluster;

import io.strongroom.core.crypto.EnvelopeCipher;
import io.strongroom.gateway.GatewayConfig;
import io.strongroom.gateway.auth.AccessKeyAccounts;
import io.strongroom.gateway.auth.AccessKeyAuthenticator;
import io.strongroom.gateway.commands.CommandBus;
import io.strongroom.gateway.crypto.MasterKeySource;
import io.strongroom.gateway.projection.ProjectionDirectory;
import java.nio.file.Path;
import java.security.SecureRandom;

/** How every gateway of a deployment is wired, in one JVM with the other services or alone. */
public final class GatewayAssembly {
    private GatewayAssembly() {}

    /** A gateway config with everything but readiness: identities, command bus, projections, master keys. */
    public static GatewayConfig.Builder config(String region, String host, int port, AccessKeyAccounts identities,
            CommandBus commands, ProjectionDirectory projections, Path keyDir) {
        SecureRandom random = new SecureRandom();
        return GatewayConfig.builder()
                .region(region)
                .host(host)
                .port(port)
                .authenticator(new AccessKeyAuthenticator(identities))
                .commandBus(commands)
                .projections(projections)
                .cipher(new EnvelopeCipher(MasterKeySource.load(System.getenv(), keyDir, random), random));
    }
}
