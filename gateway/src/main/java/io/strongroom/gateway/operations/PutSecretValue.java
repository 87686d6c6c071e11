package io.strongroom.gateway.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strongroom.core.command.NewValue;
import io.strongroom.core.event.Outcome;
import io.strongroom.core.query.ReadModel;
import io.strongroom.core.secret.SecretState;
import io.strongroom.core.secret.StagingLabels;
import io.strongroom.core.validation.Constraints;
import io.strongroom.core.validation.SecretNameRule;
import io.strongroom.gateway.auth.Caller;
import io.strongroom.gateway.crypto.SecretValue;
import io.strongroom.gateway.protocol.JsonRequest;
import io.strongroom.gateway.protocol.RequestOrigin;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * PutSecretValue: a new version, encrypted under the secret's KMS key for the incarnation the
 * SecretId names now (the command carries that id, so a purge and re-create in between cannot
 * receive it). VersionStages default to AWSCURRENT. A repeated ClientRequestToken succeeds with the
 * same value and is a ResourceExistsException with another. Response:
 * {@code {ARN, Name, VersionId, VersionStages}}.
 */
public final class PutSecretValue implements Operation {
    private final OperationContext context;
    private final CommandSubmitter commands;
    private final SecretValues values;

    public PutSecretValue(OperationContext context, CommandSubmitter commands, SecretValues values) {
        this.context = context;
        this.commands = commands;
        this.values = values;
    }

    @Override
    public String name() {
        return "PutSecretValue";
    }

    @Override
    public CompletableFuture<ObjectNode> handle(Caller caller, JsonRequest request) {
        String secretId = request.string("SecretId");
        String token = request.string("ClientRequestToken");
        List<String> stages = request.strings("VersionStages");
        ValueParameters value = ValueParameters.read(request);
        Constraints constraints = WriteSupport.secretId(new Constraints(), secretId);
        WriteSupport.token(constraints, token);
        WriteSupport.stages(constraints, "versionStages", stages);
        value.constrain(constraints);
        Checks.require(constraints, SecretNameRule.checkSecretId(secretId), value.exactlyOne());

        SecretValue plaintext = value.value().orElseThrow();
        String versionId = WriteSupport.versionId(token);
        ReadModel reader = context.reader();
        return context.resolve(reader, caller, request.origin(), secretId, name()).thenCompose(state -> {
            NewValue sealed = values.seal(values.keyForSecret(state.kmsKeyId()), state.account(), state.secretId(),
                    versionId, plaintext);
            var command = new io.strongroom.core.command.PutSecretValue(versionId, sealed, stages);
            return commands.submit(caller, secretId, state.secretId(), command).thenCompose(outcome -> {
                if (outcome.status() == Outcome.Status.UNCHANGED) {
                    return repeated(caller, request.origin(), secretId, versionId, plaintext);
                }
                List<String> attached = WriteSupport.stagesSet(outcome, versionId)
                        .orElse(stages == null ? List.of(StagingLabels.CURRENT) : stages);
                return CompletableFuture.completedFuture(response(state, versionId, attached));
            });
        });
    }

    private CompletableFuture<ObjectNode> repeated(Caller caller, RequestOrigin origin, String secretId, String versionId,
            SecretValue value) {
        ReadModel reader = context.reader();
        return context.resolve(reader, caller, origin, secretId, name())
                .thenCompose(state -> values.requireSameValue(reader, state, versionId, value)
                        .thenApply(version -> response(state, versionId, version.stages())));
    }

    private static ObjectNode response(SecretState state, String versionId, List<String> stages) {
        ObjectNode response = SecretShapes.arnAndName(state).put("VersionId", versionId);
        response.set("VersionStages", SecretShapes.strings(stages));
        return response;
    }
}
