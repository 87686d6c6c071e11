package io.strongroom.gateway.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strongroom.core.validation.Constraints;
import io.strongroom.core.validation.RequestLimits;
import io.strongroom.core.validation.SecretNameRule;
import io.strongroom.gateway.auth.Caller;
import io.strongroom.gateway.protocol.JsonRequest;
import java.util.concurrent.CompletableFuture;

/**
 * UpdateSecretVersionStage: moves one staging label off RemoveFromVersionId and/or onto
 * MoveToVersionId; the rules that depend on the versions (which version holds the label, AWSPREVIOUS
 * following AWSCURRENT, at most 20 labels) are decided in core ({@code StageRules}). Response:
 * {@code {ARN, Name}}.
 */
public final class UpdateSecretVersionStage implements Operation {
    private final OperationContext context;
    private final CommandSubmitter commands;

    public UpdateSecretVersionStage(OperationContext context, CommandSubmitter commands) {
        this.context = context;
        this.commands = commands;
    }

    @Override
    public String name() {
        return "UpdateSecretVersionStage";
    }

    @Override
    public CompletableFuture<ObjectNode> handle(Caller caller, JsonRequest request) {
        String secretId = request.string("SecretId");
        String stage = request.string("VersionStage");
        String removeFrom = request.string("RemoveFromVersionId");
        String moveTo = request.string("MoveToVersionId");
        Constraints constraints = WriteSupport.secretId(new Constraints(), secretId)
                .required("versionStage", stage)
                .length("versionStage", stage, 1, RequestLimits.VERSION_STAGE_MAX)
                .length("removeFromVersionId", removeFrom, RequestLimits.VERSION_ID_MIN, RequestLimits.VERSION_ID_MAX)
                .length("moveToVersionId", moveTo, RequestLimits.VERSION_ID_MIN, RequestLimits.VERSION_ID_MAX);
        Checks.require(constraints, SecretNameRule.checkSecretId(secretId));

        var command = new io.strongroom.core.command.UpdateSecretVersionStage(stage, removeFrom, moveTo);
        return context.resolve(caller, request, secretId, name()).thenCompose(state ->
                commands.submit(caller, secretId, state.secretId(), command)
                        .thenApply(outcome -> SecretShapes.arnAndName(state)));
    }
}
