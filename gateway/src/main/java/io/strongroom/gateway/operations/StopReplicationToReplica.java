package io.strongroom.gateway.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strongroom.core.secret.SecretLocator;
import io.strongroom.core.validation.Constraints;
import io.strongroom.core.validation.SecretNameRule;
import io.strongroom.gateway.auth.Caller;
import io.strongroom.gateway.protocol.JsonRequest;
import io.strongroom.gateway.protocol.WireJson;
import java.util.concurrent.CompletableFuture;

/**
 * StopReplicationToReplica, called in the replica's region: promotes the replica to a standalone
 * secret of this region, which then ignores its former primary (the replicator tells the primary to
 * drop this region, also when the primary is unreachable at the time). Refused for a secret that is
 * not a replica. Response: {@code {ARN}}, the promoted secret's ARN (the primary's with this region).
 */
public final class StopReplicationToReplica implements Operation {
    private final OperationContext context;
    private final CommandSubmitter commands;

    public StopReplicationToReplica(OperationContext context, CommandSubmitter commands) {
        this.context = context;
        this.commands = commands;
    }

    @Override
    public String name() {
        return "StopReplicationToReplica";
    }

    @Override
    public CompletableFuture<ObjectNode> handle(Caller caller, JsonRequest request) {
        String secretId = request.string("SecretId");
        Checks.require(WriteSupport.secretId(new Constraints(), secretId), SecretNameRule.checkSecretId(secretId));
        return context.resolve(caller, request, secretId, name()).thenCompose(state ->
                commands.submit(caller, secretId, state.secretId(),
                                new io.strongroom.core.command.StopReplicationToReplica())
                        .thenApply(outcome -> WireJson.object().put("ARN", SecretLocator.arnOf(state))));
    }
}
