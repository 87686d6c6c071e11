package io.strongroom.gateway.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strongroom.core.command.NewValue;
import io.strongroom.core.crypto.MasterKey;
import io.strongroom.core.crypto.WrappedKey;
import io.strongroom.core.secret.SecretState;
import java.util.Map;
import io.strongroom.core.event.Outcome;
import io.strongroom.core.query.ReadModel;
import io.strongroom.core.validation.Constraints;
import io.strongroom.core.validation.RequestLimits;
import io.strongroom.core.validation.SecretNameRule;
import io.strongroom.gateway.auth.Caller;
import io.strongroom.gateway.crypto.SecretValue;
import io.strongroom.gateway.protocol.JsonRequest;
import java.util.concurrent.CompletableFuture;

/**
 * UpdateSecret: changes the description and/or KMS key, and with a value adds a new AWSCURRENT
 * version, encrypted under the new KmsKeyId if one is given, else the secret's. A KmsKeyId re-wraps
 * the data keys of the versions labelled AWSCURRENT, AWSPENDING and AWSPREVIOUS under the newest
 * version of that key, as AWS re-encrypts them; other versions keep their key and stay readable. Response:
 * {@code {ARN, Name, VersionId?}} (VersionId only when a version was made).
 */
public final class UpdateSecret implements Operation {
    private final OperationContext context;
    private final CommandSubmitter commands;
    private final SecretValues values;

    public UpdateSecret(OperationContext context, CommandSubmitter commands, SecretValues values) {
        this.context = context;
        this.commands = commands;
        this.values = values;
    }

    @Override
    public String name() {
        return "UpdateSecret";
    }

    @Override
    public CompletableFuture<ObjectNode> handle(Caller caller, JsonRequest request) {
        String secretId = request.string("SecretId");
        String token = request.string("ClientRequestToken");
        String description = request.string("Description");
        String kmsKeyId = request.string("KmsKeyId");
        ValueParameters value = ValueParameters.read(request);
        Constraints constraints = WriteSupport.secretId(new Constraints(), secretId)
                .length("description", description, 0, RequestLimits.DESCRIPTION_MAX)
                .length("kmsKeyId", kmsKeyId, 0, RequestLimits.KMS_KEY_ID_MAX);
        WriteSupport.token(constraints, token);
        value.constrain(constraints);
        Checks.require(constraints, SecretNameRule.checkSecretId(secretId), value.atMostOne());

        MasterKey requestedKey = kmsKeyId == null ? null : values.keyForRequest(kmsKeyId);
        Change change = new Change(secretId, description, kmsKeyId, requestedKey, WriteSupport.versionId(token),
                value.value().orElse(null));
        ReadModel reader = context.reader();
        return context.resolve(reader, caller, request.origin(), secretId, name()).thenCompose(state -> {
            CompletableFuture<Map<String, WrappedKey>> rewrapped = requestedKey == null
                    ? CompletableFuture.completedFuture(Map.of())
                    : values.rewrapLabelled(reader, state, requestedKey);
            return rewrapped.thenCompose(keys -> submit(caller, reader, state, change, keys));
        });
    }

    /** What the request asks for, validated; {@code requestedKey} is null when it names no KmsKeyId. */
    private record Change(String secretId, String description, String kmsKeyId, MasterKey requestedKey,
            String versionId, SecretValue plaintext) {}

    private CompletableFuture<ObjectNode> submit(Caller caller, ReadModel reader, SecretState state, Change change,
            Map<String, WrappedKey> rewrapped) {
        NewValue sealed = null;
        if (change.plaintext() != null) {
            MasterKey key = change.requestedKey() != null ? change.requestedKey() : values.keyForSecret(state.kmsKeyId());
            sealed = values.seal(key, state.account(), state.secretId(), change.versionId(), change.plaintext());
        }
        var command = new io.strongroom.core.command.UpdateSecret(change.description(), change.kmsKeyId(),
                sealed == null ? null : change.versionId(), sealed, rewrapped);
        return commands.submit(caller, change.secretId(), state.secretId(), command).thenCompose(outcome -> {
            if (outcome.status() == Outcome.Status.UNCHANGED) {
                return values.requireSameValue(reader, state, change.versionId(), change.plaintext())
                        .thenApply(version -> SecretShapes.arnAndName(state).put("VersionId", change.versionId()));
            }
            ObjectNode response = SecretShapes.arnAndName(state);
            if (change.plaintext() != null) {
                response.put("VersionId", change.versionId());
            }
            return CompletableFuture.completedFuture(response);
        });
    }
}
