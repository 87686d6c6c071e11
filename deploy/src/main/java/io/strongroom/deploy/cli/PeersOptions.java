package io.strongroom.deploy.cli;

import io.strongroom.core.replication.PeerRegion;
import io.strongroom.deploy.config.PeersFile;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The region's peers file: the other regions it replicates to (see {@link PeersFile}). */
final class PeersOptions {
    @Option(names = "--peers", description = "JSON file listing the peer regions (name, kafkaBootstrap, kafkaProperties,"
            + " gatewayEndpoint, replicationPublicKey); see deploy/config/production/peers.json")
    Path file;

    boolean configured() {
        return file != null;
    }

    /** The peers of {@code region}; empty without {@code --peers}. */
    List<PeerRegion> peers(String region) {
        return file == null ? List.of() : PeersFile.load(file, region);
    }
}
