package io.strongroom.replicator.support;

import io.strongroom.command.CommandServiceConfig;
import java.nio.file.Path;

/** The command-service of a test region, importing replicated data keys with the region's keys. */
final class RegionCommandService {
    private RegionCommandService() {}

    static CommandServiceConfig config(TestRegion region, Path dataDir) {
        return CommandServiceConfig.defaults(region.name, region.kafka(), region.topics, dataDir)
                .withReplicaKeys(region.cipher.keys(), region.replicationKeys.getPrivate());
    }
}
