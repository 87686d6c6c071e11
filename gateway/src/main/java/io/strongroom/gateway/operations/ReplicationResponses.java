package io.strongroom.gateway.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.error.RejectedException;
import io.strongroom.core.secret.SecretLocator;
import io.strongroom.core.secret.SecretState;
import io.strongroom.gateway.protocol.WireJson;
import java.util.concurrent.CompletableFuture;

/** The {@code {ARN, ReplicationStatus}} answer of the replication operations, read once the change is applied. */
final class ReplicationResponses {
    private ReplicationResponses() {}

    /**
     * Read again after the write: every serving projection has applied it, so this is the status the
     * command left (with any report that arrived meanwhile).
     */
    static CompletableFuture<ObjectNode> arnAndStatus(OperationContext context, SecretState before) {
        String arn = SecretLocator.arnOf(before);
        return context.reader().secret(before.account(), arn).thenApply(found -> {
            SecretState after = found.orElseThrow(() ->
                    new RejectedException(AwsErrorCode.RESOURCE_NOT_FOUND, Messages.NOT_FOUND));
            ObjectNode response = WireJson.object().put("ARN", arn);
            response.set("ReplicationStatus", SecretShapes.replicationStatus(after.replicas()));
            return response;
        });
    }
}
