package io.strongroom.command.replication;

import io.strongroom.core.command.ApplyReplicaDelta;
import io.strongroom.core.command.CommandEnvelope;
import io.strongroom.core.crypto.EnvelopeCipher;
import io.strongroom.core.crypto.MasterKey;
import io.strongroom.core.crypto.WrappedKey;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before a replica region decides an ApplyReplicaDelta: opens each transport key with the region's
 * replication private key and wraps the data key under the master key the replica's KmsKeyId names.
 * Keys that import move to {@code importedKeys}; the others stay in {@code transportKeys}, and the
 * pure decide answers KEY_FAILED for them (an unknown KmsKeyId, a key made for another region or
 * version). Every other command passes through unchanged. Never logs key material.
 */
public final class TransportKeyImport {
    private static final Logger LOG = LoggerFactory.getLogger(TransportKeyImport.class);

    private final ReplicaKeys keys;
    private final EnvelopeCipher cipher;

    /** @param keys null when this region takes no replica keys: deltas then keep their transport keys */
    public TransportKeyImport(ReplicaKeys keys) {
        this.keys = keys;
        this.cipher = keys == null ? null : new EnvelopeCipher(keys.masterKeys(), new SecureRandom());
    }

    public CommandEnvelope imported(CommandEnvelope command) {
        if (!(command.payload() instanceof ApplyReplicaDelta delta) || delta.transportKeys().isEmpty()) {
            return command;
        }
        if (keys == null) {
            LOG.warn("replica delta {} carries {} data keys but this region has no replication key configured",
                    command.commandId(), delta.transportKeys().size());
            return command;
        }
        Optional<MasterKey> master = keys.masterKeys().current(delta.replicaKmsKeyId());
        Map<String, WrappedKey> imported = new LinkedHashMap<>(delta.importedKeys());
        Map<String, byte[]> failed = new LinkedHashMap<>();
        delta.transportKeys().forEach((versionId, transportKey) -> {
            String aad = EnvelopeCipher.associatedData(command.account(), delta.secretId(), versionId);
            Optional<WrappedKey> key = master.flatMap(m -> cipher.importKey(transportKey, keys.replicationKey(), m, aad));
            if (key.isPresent()) {
                imported.put(versionId, key.get());
            } else {
                failed.put(versionId, transportKey);
            }
        });
        if (!failed.isEmpty()) {
            LOG.warn("replica delta {} of secret {}: {} of {} data keys did not import under KmsKeyId {} ({})",
                    command.commandId(), delta.secretId(), failed.size(), delta.transportKeys().size(),
                    delta.replicaKmsKeyId(), master.isPresent() ? "not made for this region" : "unknown key");
        }
        ApplyReplicaDelta withKeys = new ApplyReplicaDelta(delta.primaryRegion(), delta.secretId(),
                delta.replicaKmsKeyId(), delta.forceOverwriteReplicaSecret(), delta.events(), failed, imported);
        return new CommandEnvelope(command.commandId(), command.account(), command.principal(), command.deadline(),
                command.secretId(), command.expectedSecretId(), withKeys);
    }
}
