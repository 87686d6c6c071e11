package io.strongroom.gateway.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strongroom.core.event.DeletionScheduled;
import io.strongroom.core.event.EventEnvelope;
import io.strongroom.core.event.Outcome;
import io.strongroom.core.validation.Constraints;
import io.strongroom.core.validation.RecoveryWindowRule;
import io.strongroom.core.validation.SecretNameRule;
import io.strongroom.gateway.auth.Caller;
import io.strongroom.gateway.protocol.JsonRequest;
import io.strongroom.gateway.protocol.WireJson;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * DeleteSecret: schedules the deletion after a recovery window (7–30 days, default 30), or with
 * ForceDeleteWithoutRecovery purges the secret at once and shreds its data keys. Response:
 * {@code {ARN, Name, DeletionDate}}; for a forced delete the DeletionDate is the moment it was decided.
 */
public final class DeleteSecret implements Operation {
    private final OperationContext context;
    private final CommandSubmitter commands;

    public DeleteSecret(OperationContext context, CommandSubmitter commands) {
        this.context = context;
        this.commands = commands;
    }

    @Override
    public String name() {
        return "DeleteSecret";
    }

    @Override
    public CompletableFuture<ObjectNode> handle(Caller caller, JsonRequest request) {
        String secretId = request.string("SecretId");
        Long window = request.longValue("RecoveryWindowInDays");
        Boolean force = request.bool("ForceDeleteWithoutRecovery");
        Checks.require(WriteSupport.secretId(new Constraints(), secretId),
                SecretNameRule.checkSecretId(secretId), RecoveryWindowRule.check(window, force));

        var command = new io.strongroom.core.command.DeleteSecret(
                window == null ? null : window.intValue(), Boolean.TRUE.equals(force));
        return context.resolve(caller, request, secretId, name()).thenCompose(state ->
                commands.submit(caller, secretId, state.secretId(), command).thenApply(outcome ->
                        SecretShapes.arnAndName(state).set("DeletionDate", WireJson.timestamp(deletionDate(outcome)))));
    }

    private static Instant deletionDate(Outcome outcome) {
        for (EventEnvelope event : outcome.events()) {
            if (event.payload() instanceof DeletionScheduled scheduled) {
                return scheduled.deletionDate();
            }
        }
        return outcome.timestamp();
    }
}
