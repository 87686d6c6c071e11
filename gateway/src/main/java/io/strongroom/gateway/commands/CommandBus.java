package io.strongroom.gateway.commands;

import io.strongroom.core.command.CommandEnvelope;
import java.util.concurrent.CompletableFuture;

/** Where the gateway hands its commands to the write path: the region's {@code strongroom.commands} topic. */
public interface CommandBus {

    /**
     * Appends a command under its routing key. Never blocks the caller.
     *
     * @return completes once the command is durably recorded (Kafka: acknowledged by all in-sync
     *     replicas), exceptionally if it could not be
     */
    CompletableFuture<Void> send(CommandEnvelope command, String routingKey);
}
