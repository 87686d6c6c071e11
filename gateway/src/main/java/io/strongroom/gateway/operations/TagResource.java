package io.strongroom.gateway.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strongroom.core.secret.Tag;
import io.strongroom.core.validation.Constraints;
import io.strongroom.core.validation.SecretNameRule;
import io.strongroom.core.validation.TagRule;
import io.strongroom.gateway.auth.Caller;
import io.strongroom.gateway.protocol.JsonRequest;
import io.strongroom.gateway.protocol.WireJson;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * TagResource: adds tags to a secret; a key it already has takes the new value. Keys 1–128 and values
 * 0–256 characters (ValidationException), AWS's tag characters and no {@code aws:} prefix
 * (InvalidParameterException), at most 50 tags on the secret afterwards (decided against its state).
 * Response: an empty body.
 */
public final class TagResource implements Operation {
    private final OperationContext context;
    private final CommandSubmitter commands;

    public TagResource(OperationContext context, CommandSubmitter commands) {
        this.context = context;
        this.commands = commands;
    }

    @Override
    public String name() {
        return "TagResource";
    }

    @Override
    public CompletableFuture<ObjectNode> handle(Caller caller, JsonRequest request) {
        String secretId = request.string("SecretId");
        List<Tag> tags = request.tags("Tags");
        Constraints constraints = WriteSupport.secretId(new Constraints(), secretId).required("tags", tags);
        WriteSupport.tags(constraints, tags);
        Checks.require(constraints, SecretNameRule.checkSecretId(secretId), TagRule.checkTags(tags));

        var command = new io.strongroom.core.command.TagResource(tags);
        return context.resolve(caller, request, secretId, name()).thenCompose(state ->
                commands.submit(caller, secretId, state.secretId(), command).thenApply(outcome -> WireJson.object()));
    }
}
