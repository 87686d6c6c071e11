package io.strongroom.gateway.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strongroom.core.validation.Constraints;
import io.strongroom.core.validation.SecretNameRule;
import io.strongroom.gateway.auth.Caller;
import io.strongroom.gateway.protocol.JsonRequest;
import java.util.concurrent.CompletableFuture;

/**
 * RestoreSecret: cancels a scheduled deletion (the secret is active again, DeletedDate gone). On a
 * secret that is not scheduled for deletion it succeeds and changes nothing, as AWS does. Response:
 * {@code {ARN, Name}}.
 */
public final class RestoreSecret implements Operation {
    private final OperationContext context;
    private final CommandSubmitter commands;

    public RestoreSecret(OperationContext context, CommandSubmitter commands) {
        this.context = context;
        this.commands = commands;
    }

    @Override
    public String name() {
        return "RestoreSecret";
    }

    @Override
    public CompletableFuture<ObjectNode> handle(Caller caller, JsonRequest request) {
        String secretId = request.string("SecretId");
        Checks.require(WriteSupport.secretId(new Constraints(), secretId), SecretNameRule.checkSecretId(secretId));
        return context.resolve(caller, request, secretId, name()).thenCompose(state ->
                commands.submit(caller, secretId, state.secretId(), new io.strongroom.core.command.RestoreSecret())
                        .thenApply(outcome -> SecretShapes.arnAndName(state)));
    }
}
