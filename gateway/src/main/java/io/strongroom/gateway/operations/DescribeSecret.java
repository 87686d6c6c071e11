package io.strongroom.gateway.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strongroom.core.query.ReadModel;
import io.strongroom.core.validation.Constraints;
import io.strongroom.core.validation.SecretNameRule;
import io.strongroom.gateway.auth.Caller;
import io.strongroom.gateway.protocol.JsonRequest;
import java.util.concurrent.CompletableFuture;

/**
 * DescribeSecret: the secret's metadata, never its value; also for a secret scheduled for deletion.
 * Members without a value are left out (see {@link SecretShapes}); LastAccessedDate comes from the
 * projection's access days, not from the secret's events.
 */
public final class DescribeSecret implements Operation {
    private final OperationContext context;

    public DescribeSecret(OperationContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "DescribeSecret";
    }

    @Override
    public CompletableFuture<ObjectNode> handle(Caller caller, JsonRequest request) {
        String secretId = request.string("SecretId");
        Checks.require(WriteSupport.secretId(new Constraints(), secretId), SecretNameRule.checkSecretId(secretId));
        ReadModel reader = context.reader();
        return context.resolve(reader, caller, request.origin(), secretId, name()).thenCompose(state ->
                reader.lastAccessed(state.secretId()).thenApply(day -> SecretShapes.describe(state, day.orElse(null))));
    }
}
