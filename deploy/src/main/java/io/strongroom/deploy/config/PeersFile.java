package io.strongroom.deploy.config;

import com.fasterxml.jackson.core.type.TypeReference;
import io.strongroom.core.codec.Json;
import io.strongroom.core.replication.PeerRegion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the region's peers, a JSON list of the other regions:
 * <pre>[{"name": "eu-west-1", "kafkaBootstrap": "kafka-eu:9093",
 *   "kafkaProperties": {"security.protocol": "SASL_SSL", ...},
 *   "gatewayEndpoint": "https://sm.eu-west-1.example", "replicationPublicKey": "MIIBojANBgkqhkiG9w0..."}]</pre>
 * ({@code replicationPublicKey}: what {@code strongroom keys replication-public-key} prints in that
 * region). A file listing the own region too is fine (every region may share one file): it is left
 * out. Errors name the file and the peer, never a property value (it may be a password).
 */
public final class PeersFile {
    private PeersFile() {}

    /** The peers of {@code ownRegion} named in {@code file}. */
    public static List<PeerRegion> load(Path file, String ownRegion) {
        List<PeerRegion> all;
        try {
            all = Json.MAPPER.readValue(Files.readAllBytes(file), new TypeReference<List<PeerRegion>>() {});
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read peers file " + file + " (expected a JSON list of peer"
                    + " regions: name, kafkaBootstrap, kafkaProperties, gatewayEndpoint, replicationPublicKey)");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < all.size(); i++) {
            PeerRegion peer = all.get(i);
            String where = "peers file " + file + ", entry " + i;
            if (peer == null || blank(peer.name())) {
                throw new IllegalArgumentException(where + " has no \"name\"");
            }
            where += " (" + peer.name() + ")";
            if (!names.add(peer.name())) {
                throw new IllegalArgumentException(where + " names a region twice");
            }
            if (blank(peer.kafkaBootstrap())) {
                throw new IllegalArgumentException(where + " has no \"kafkaBootstrap\"");
            }
            if (blank(peer.replicationPublicKey())) {
                throw new IllegalArgumentException(where + " has no \"replicationPublicKey\"");
            }
            peer.publicKey(); // refuses a key that is not an RSA SubjectPublicKeyInfo
        }
        return all.stream().filter(peer -> !peer.name().equals(ownRegion)).toList();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
