package io.strongroom.gateway.operations;

import io.strongroom.core.arn.RoutingStem;
import io.strongroom.core.command.Command;
import io.strongroom.core.command.CommandEnvelope;
import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.error.RejectedException;
import io.strongroom.core.event.Outcome;
import io.strongroom.core.query.ReadModel;
import io.strongroom.gateway.auth.Caller;
import io.strongroom.gateway.commands.CommandBus;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write path's gateway half: wraps a payload into a command (id, caller, deadline = now + the
 * gateway timeout), appends it under its routing stem, and waits until every serving projection has
 * applied its outcome, so that a following read anywhere sees the write.
 *
 * <p>The future completes with an APPLIED or UNCHANGED outcome; a REJECTED outcome fails it with
 * the rejection. Not knowing in time (the append failed, or some projection has not applied it
 * before the timeout) is an InternalServiceError: the SDKs retry it with the same
 * ClientRequestToken, which makes the retry idempotent, and the command-service rejects the first
 * command once its deadline has passed.
 */
public final class CommandSubmitter {
    private static final Logger LOG = LoggerFactory.getLogger(CommandSubmitter.class);

    private final OperationContext context;
    private final CommandBus bus;
    private final Duration timeout;

    public CommandSubmitter(OperationContext context, CommandBus bus, Duration timeout) {
        this.context = context;
        this.bus = bus;
        this.timeout = timeout;
    }

    public CompletableFuture<Outcome> submit(Caller caller, String rawSecretId, String expectedSecretId, Command payload) {
        List<ReadModel> awaited = context.projections().awaitedByWrites();
        if (context.projections().readable().isEmpty()) {
            throw new RejectedException(AwsErrorCode.SERVICE_UNAVAILABLE, Messages.NO_PROJECTION);
        }
        CommandEnvelope command = new CommandEnvelope(UUID.randomUUID().toString(), caller.accountId(),
                caller.principalArn(), context.clock().instant().plus(timeout), rawSecretId, expectedSecretId, payload);
        // Wait first, then send: an outcome that arrives quickly is never missed.
        List<CompletableFuture<Outcome>> applied = awaited.stream()
                .map(model -> model.awaitOutcome(command.commandId(), timeout))
                .toList();
        CompletableFuture<Void> sent = bus.send(command, RoutingStem.of(caller.accountId(), rawSecretId))
                .exceptionally(failure -> {
                    applied.forEach(f -> f.cancel(false));
                    throw new RejectedException(AwsErrorCode.INTERNAL_SERVICE_ERROR, Messages.NOT_RECORDED);
                });
        return sent
                .thenCompose(v -> appliedEverywhere(command, awaited, applied))
                .orTimeout(timeout.plusSeconds(1).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .handle((outcome, failure) -> {
                    if (failure != null) {
                        throw unconfirmed(command, failure);
                    }
                    if (outcome.status() == Outcome.Status.REJECTED) {
                        throw new RejectedException(outcome.rejection());
                    }
                    return outcome;
                });
    }

    /**
     * Once the instances awaited from the start have applied the command, any instance that joined
     * the write set meanwhile must have it too: its catch-up barrier may have been read before this
     * command committed, and it may serve reads right after this answer.
     */
    private CompletableFuture<Outcome> appliedEverywhere(CommandEnvelope command, List<ReadModel> awaited,
            List<CompletableFuture<Outcome>> applied) {
        return CompletableFuture.allOf(applied.toArray(CompletableFuture[]::new)).thenCompose(v -> {
            CompletableFuture<?>[] joined = context.projections().awaitedByWrites().stream()
                    .filter(model -> !awaited.contains(model))
                    .map(model -> model.awaitOutcome(command.commandId(), timeout))
                    .toArray(CompletableFuture[]::new);
            return CompletableFuture.allOf(joined).thenApply(done -> applied.get(0).join());
        });
    }

    private static RejectedException unconfirmed(CommandEnvelope command, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof RejectedException rejected) {
            return rejected;
        }
        LOG.warn("command {} not confirmed by every serving projection in time: {}", command.commandId(), cause.toString());
        return new RejectedException(AwsErrorCode.INTERNAL_SERVICE_ERROR, Messages.TIMED_OUT);
    }
}
