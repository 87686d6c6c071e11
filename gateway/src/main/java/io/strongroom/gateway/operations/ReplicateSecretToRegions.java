package io.strongroom.gateway.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strongroom.core.replication.ReplicaRegion;
import io.strongroom.core.validation.Constraints;
import io.strongroom.core.validation.SecretNameRule;
import io.strongroom.gateway.auth.Caller;
import io.strongroom.gateway.protocol.JsonRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * ReplicateSecretToRegions: the primary starts replicating to more regions; each starts InProgress
 * and the replicator carries the secret there. Refused on a replica (only its primary replicates it),
 * for this region, a region this region has no peer for, or a region already replicated to (unless
 * its replication Failed: adding it again retries). Response: {@code {ARN, ReplicationStatus}}.
 */
public final class ReplicateSecretToRegions implements Operation {
    private final OperationContext context;
    private final CommandSubmitter commands;

    public ReplicateSecretToRegions(OperationContext context, CommandSubmitter commands) {
        this.context = context;
        this.commands = commands;
    }

    @Override
    public String name() {
        return "ReplicateSecretToRegions";
    }

    @Override
    public CompletableFuture<ObjectNode> handle(Caller caller, JsonRequest request) {
        String secretId = request.string("SecretId");
        List<ReplicaRegion> regions = ReplicaRegions.read(request, "AddReplicaRegions");
        Boolean force = request.bool("ForceOverwriteReplicaSecret");
        Constraints constraints = WriteSupport.secretId(new Constraints(), secretId)
                .required("addReplicaRegions", regions);
        ReplicaRegions.constrain(constraints, "addReplicaRegions", regions);
        Checks.require(constraints, SecretNameRule.checkSecretId(secretId), ReplicaRegions.check(regions, context));

        var command = new io.strongroom.core.command.ReplicateSecretToRegions(regions, Boolean.TRUE.equals(force));
        return context.resolve(caller, request, secretId, name()).thenCompose(state ->
                commands.submit(caller, secretId, state.secretId(), command)
                        .thenCompose(outcome -> ReplicationResponses.arnAndStatus(context, state)));
    }
}
