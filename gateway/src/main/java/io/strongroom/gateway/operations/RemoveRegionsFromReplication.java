package io.strongroom.gateway.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strongroom.core.validation.Constraints;
import io.strongroom.core.validation.SecretNameRule;
import io.strongroom.gateway.auth.Caller;
import io.strongroom.gateway.protocol.JsonRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * RemoveRegionsFromReplication: the primary stops replicating to these regions and the replicator
 * deletes the replicas there. A region the secret does not replicate to is ignored, as AWS does (a
 * repeat succeeds). Refused on a replica. Response: {@code {ARN, ReplicationStatus}} with the regions
 * that remain.
 */
public final class RemoveRegionsFromReplication implements Operation {
    private final OperationContext context;
    private final CommandSubmitter commands;

    public RemoveRegionsFromReplication(OperationContext context, CommandSubmitter commands) {
        this.context = context;
        this.commands = commands;
    }

    @Override
    public String name() {
        return "RemoveRegionsFromReplication";
    }

    @Override
    public CompletableFuture<ObjectNode> handle(Caller caller, JsonRequest request) {
        String secretId = request.string("SecretId");
        List<String> regions = request.strings("RemoveReplicaRegions");
        Constraints constraints = WriteSupport.secretId(new Constraints(), secretId)
                .required("removeReplicaRegions", regions);
        ReplicaRegions.constrainNames(constraints, "removeReplicaRegions", regions);
        Checks.require(constraints, SecretNameRule.checkSecretId(secretId));

        var command = new io.strongroom.core.command.RemoveRegionsFromReplication(regions);
        return context.resolve(caller, request, secretId, name()).thenCompose(state ->
                commands.submit(caller, secretId, state.secretId(), command)
                        .thenCompose(outcome -> ReplicationResponses.arnAndStatus(context, state)));
    }
}
