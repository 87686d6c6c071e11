package io.strongroom.gateway.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strongroom.core.validation.Constraints;
import io.strongroom.core.validation.SecretNameRule;
import io.strongroom.gateway.auth.Caller;
import io.strongroom.gateway.protocol.JsonRequest;
import java.util.concurrent.CompletableFuture;

/**
 * GetResourcePolicy: {@code {ARN, Name, ResourcePolicy}}, the policy text exactly as it was put; no
 * ResourcePolicy member when the secret has none.
 */
public final class GetResourcePolicy implements Operation {
    private final OperationContext context;

    public GetResourcePolicy(OperationContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "GetResourcePolicy";
    }

    @Override
    public CompletableFuture<ObjectNode> handle(Caller caller, JsonRequest request) {
        String secretId = request.string("SecretId");
        Checks.require(WriteSupport.secretId(new Constraints(), secretId), SecretNameRule.checkSecretId(secretId));
        return context.resolve(caller, request, secretId, name()).thenApply(state -> {
            ObjectNode response = SecretShapes.arnAndName(state);
            if (state.resourcePolicy() != null) {
                response.put("ResourcePolicy", state.resourcePolicy());
            }
            return response;
        });
    }
}
