package io.strongroom.gateway.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strongroom.core.validation.Constraints;
import io.strongroom.core.validation.RequestLimits;
import io.strongroom.core.validation.SecretNameRule;
import io.strongroom.gateway.auth.Caller;
import io.strongroom.gateway.protocol.JsonRequest;
import java.util.concurrent.CompletableFuture;

/**
 * PutResourcePolicy: attaches a resource policy to a secret, replacing any. The command-service
 * checks the policy (MalformedPolicyDocumentException; with BlockPublicPolicy, default false,
 * PublicPolicyException for broad access), so the event log holds only policies it can evaluate.
 * Response: {@code {ARN, Name}}.
 */
public final class PutResourcePolicy implements Operation {
    private final OperationContext context;
    private final CommandSubmitter commands;

    public PutResourcePolicy(OperationContext context, CommandSubmitter commands) {
        this.context = context;
        this.commands = commands;
    }

    @Override
    public String name() {
        return "PutResourcePolicy";
    }

    @Override
    public CompletableFuture<ObjectNode> handle(Caller caller, JsonRequest request) {
        String secretId = request.string("SecretId");
        String policy = request.string("ResourcePolicy");
        Boolean block = request.bool("BlockPublicPolicy");
        Constraints constraints = WriteSupport.secretId(new Constraints(), secretId)
                .required("resourcePolicy", policy)
                .length("resourcePolicy", policy, 1, RequestLimits.RESOURCE_POLICY_MAX);
        Checks.require(constraints, SecretNameRule.checkSecretId(secretId));

        var command = new io.strongroom.core.command.PutResourcePolicy(policy, Boolean.TRUE.equals(block));
        return context.resolve(caller, request, secretId, name()).thenCompose(state ->
                commands.submit(caller, secretId, state.secretId(), command)
                        .thenApply(outcome -> SecretShapes.arnAndName(state)));
    }
}
