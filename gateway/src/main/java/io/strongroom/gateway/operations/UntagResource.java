package io.strongroom.gateway.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strongroom.core.validation.Constraints;
import io.strongroom.core.validation.RequestLimits;
import io.strongroom.core.validation.SecretNameRule;
import io.strongroom.core.validation.TagRule;
import io.strongroom.gateway.auth.Caller;
import io.strongroom.gateway.protocol.JsonRequest;
import io.strongroom.gateway.protocol.WireJson;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * UntagResource: removes the tags with the given keys; a key the secret does not have is ignored (the
 * call is idempotent, as AWS documents). Response: an empty body.
 */
public final class UntagResource implements Operation {
    private final OperationContext context;
    private final CommandSubmitter commands;

    public UntagResource(OperationContext context, CommandSubmitter commands) {
        this.context = context;
        this.commands = commands;
    }

    @Override
    public String name() {
        return "UntagResource";
    }

    @Override
    public CompletableFuture<ObjectNode> handle(Caller caller, JsonRequest request) {
        String secretId = request.string("SecretId");
        List<String> keys = request.strings("TagKeys");
        Constraints constraints = WriteSupport.secretId(new Constraints(), secretId).required("tagKeys", keys);
        if (keys != null) {
            for (int i = 0; i < keys.size(); i++) {
                constraints.length("tagKeys." + (i + 1) + ".member", keys.get(i), 1, RequestLimits.TAG_KEY_MAX);
            }
        }
        Checks.require(constraints, SecretNameRule.checkSecretId(secretId), TagRule.checkKeys(keys));

        var command = new io.strongroom.core.command.UntagResource(keys);
        return context.resolve(caller, request, secretId, name()).thenCompose(state ->
                commands.submit(caller, secretId, state.secretId(), command).thenApply(outcome -> WireJson.object()));
    }
}
