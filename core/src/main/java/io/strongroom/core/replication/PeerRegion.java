package io.strongroom.core.replication;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;

/**
 * Another region, as configuration names it and each region's registry keeps it: where its Kafka
 * cluster and gateway are, and the public key data keys are wrapped to on their way there.
 *
 * @param kafkaProperties client settings for that cluster besides the bootstrap (security protocol, SASL, TLS)
 * @param replicationPublicKey the region's RSA replication public key, X.509 SubjectPublicKeyInfo in base64
 */
public record PeerRegion(
        String name,
        String kafkaBootstrap,
        Map<String, String> kafkaProperties,
        String gatewayEndpoint,
        String replicationPublicKey) {
    public PeerRegion {
        kafkaProperties = kafkaProperties == null ? Map.of() : Map.copyOf(kafkaProperties);
    }

    public PublicKey publicKey() {
        try {
            byte[] der = Base64.getDecoder().decode(replicationPublicKey);
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("region " + name + " has no valid replication public key");
        }
    }
}
