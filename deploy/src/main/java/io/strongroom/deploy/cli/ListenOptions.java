package io.strongroom.deploy.cli;

import io.strongroom.gateway.GatewayConfig;
import picocli.CommandLine.Option;

/** Where a gateway listens for Secrets Manager calls. */
final class ListenOptions {
    @Option(names = "--host", defaultValue = "127.0.0.1", description = "gateway bind address (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--port", defaultValue = "7070", description = "gateway port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--event-loops", description = "event loops serving the port (default: one per core)")
    Integer eventLoops;

    /** The event loops to serve with: the option, else one per core. */
    int eventLoops() {
        return eventLoops != null ? eventLoops : GatewayConfig.DEFAULT_EVENT_LOOPS;
    }
}
