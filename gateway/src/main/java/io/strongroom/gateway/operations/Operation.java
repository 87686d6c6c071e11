package io.strongroom.gateway.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strongroom.gateway.auth.Caller;
import io.strongroom.gateway.protocol.JsonRequest;
import java.util.concurrent.CompletableFuture;

/**
 * One Secrets Manager API operation, named as in {@code X-Amz-Target}. It may throw
 * {@link io.strongroom.core.error.RejectedException} at once (a bad request) or complete the future
 * exceptionally with one (a refusal found later); anything else becomes an InternalServiceError.
 */
public interface Operation {

    String name();

    /** @return the response body, with AWS's member names */
    CompletableFuture<ObjectNode> handle(Caller caller, JsonRequest request);
}
