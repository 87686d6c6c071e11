package io.strongroom.command.replication;

import io.strongroom.core.crypto.MasterKeyRing;
import java.security.PrivateKey;
import java.util.Objects;

/**
 * What a replica region needs to take in the data keys its primaries send: its replication private
 * key (the transport keys are wrapped to its public key) and its master keys (the replica's KmsKeyId
 * names one of them). Without these, every delta carrying a key is answered KEY_FAILED.
 */
public record ReplicaKeys(MasterKeyRing masterKeys, PrivateKey replicationKey) {
    public ReplicaKeys {
        Objects.requireNonNull(masterKeys, "masterKeys");
        Objects.requireNonNull(replicationKey, "replicationKey");
    }

    @Override
    public String toString() {
        return "ReplicaKeys[" + masterKeys.versionsByName().keySet() + "]";
    }
}
