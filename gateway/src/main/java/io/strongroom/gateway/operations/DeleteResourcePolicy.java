package io.strongroom.gateway.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strongroom.core.validation.Constraints;
import io.strongroom.core.validation.SecretNameRule;
import io.strongroom.gateway.auth.Caller;
import io.strongroom.gateway.protocol.JsonRequest;
import java.util.concurrent.CompletableFuture;

/** DeleteResourcePolicy: removes the secret's resource policy (none is fine). Response: {@code {ARN, Name}}. */
public final class DeleteResourcePolicy implements Operation {
    private final OperationContext context;
    private final CommandSubmitter commands;

    public DeleteResourcePolicy(OperationContext context, CommandSubmitter commands) {
        this.context = context;
        this.commands = commands;
    }

    @Override
    public String name() {
        return "DeleteResourcePolicy";
    }

    @Override
    public CompletableFuture<ObjectNode> handle(Caller caller, JsonRequest request) {
        String secretId = request.string("SecretId");
        Checks.require(WriteSupport.secretId(new Constraints(), secretId), SecretNameRule.checkSecretId(secretId));

        var command = new io.strongroom.core.command.DeleteResourcePolicy();
        return context.resolve(caller, request, secretId, name()).thenCompose(state ->
                commands.submit(caller, secretId, state.secretId(), command)
                        .thenApply(outcome -> SecretShapes.arnAndName(state)));
    }
}
