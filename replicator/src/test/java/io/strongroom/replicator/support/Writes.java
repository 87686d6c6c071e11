package io.strongroom.replicator.support;

import io.strongroom.core.arn.RoutingStem;
import io.strongroom.core.command.Command;
import io.strongroom.core.command.CommandEnvelope;
import io.strongroom.core.command.CreateSecret;
import io.strongroom.core.command.NewValue;
import io.strongroom.core.command.PutSecretValue;
import io.strongroom.core.command.TagResource;
import io.strongroom.core.crypto.EnvelopeCipher;
import io.strongroom.core.crypto.KmsKeyId;
import io.strongroom.core.crypto.SealedValue;
import io.strongroom.core.event.Outcome;
import io.strongroom.core.replication.ReplicaRegion;
import io.strongroom.core.secret.Tag;
import io.strongroom.core.secret.ValueType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Client writes to one secret in a region, sent as the gateway sends them (values sealed with the region's key). */
public final class Writes {
    private final TestRegion region;
    private final String name;
    private String secretId;

    public Writes(TestRegion region, String name) {
        this.region = region;
        this.name = name;
    }

    /** Writes to a secret that already exists in the region (e.g. a replica). */
    public Writes(TestRegion region, String name, String secretId) {
        this(region, name);
        this.secretId = secretId;
    }

    public String secretId() {
        return secretId;
    }

    public String name() {
        return name;
    }

    /** @param value null for a secret created without a value */
    public Outcome create(String value, List<ReplicaRegion> replicaRegions) {
        return create(value, replicaRegions, false);
    }

    public Outcome create(String value, List<ReplicaRegion> replicaRegions, boolean forceOverwriteReplicaSecret) {
        secretId = UUID.randomUUID().toString();
        String versionId = value == null ? null : UUID.randomUUID().toString();
        return applied(new CreateSecret(secretId, name, null, null, List.of(), versionId,
                value == null ? null : seal(versionId, value), replicaRegions, forceOverwriteReplicaSecret));
    }

    public Outcome put(String value) {
        String versionId = UUID.randomUUID().toString();
        return applied(new PutSecretValue(versionId, seal(versionId, value), null));
    }

    public Outcome tag(String key, String value) {
        return applied(new TagResource(List.of(new Tag(key, value))));
    }

    public Outcome send(Command payload) {
        return region.submit(new CommandEnvelope(UUID.randomUUID().toString(), TestRegion.ACCOUNT,
                "arn:aws:iam::" + TestRegion.ACCOUNT + ":root", Instant.now().plusSeconds(30), name,
                payload instanceof CreateSecret ? null : secretId, payload), RoutingStem.of(TestRegion.ACCOUNT, name));
    }

    private Outcome applied(Command payload) {
        Outcome outcome = send(payload);
        if (outcome.status() != Outcome.Status.APPLIED) {
            throw new IllegalStateException(payload.getClass().getSimpleName() + " not applied: " + outcome);
        }
        return outcome;
    }

    private NewValue seal(String versionId, String value) {
        EnvelopeCipher cipher = region.cipher;
        SealedValue sealed = cipher.seal(cipher.keys().current(KmsKeyId.DEFAULT).orElseThrow(), ValueType.STRING,
                value.getBytes(StandardCharsets.UTF_8), EnvelopeCipher.associatedData(TestRegion.ACCOUNT, secretId,
                        versionId));
        return new NewValue(sealed.value(), sealed.wrappedKey());
    }
}
