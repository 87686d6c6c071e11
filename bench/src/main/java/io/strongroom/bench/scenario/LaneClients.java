package io.strongroom.bench.scenario;

import io.strongroom.bench.http.SignedClient;

/**
 * The clients one load generator lane calls through, all bound to that lane's event loop.
 *
 * @param region  the Strongroom endpoint under test
 * @param ceiling the ceiling reference server, or null when this run has none
 * @param replica the replica region's endpoint (signed for that region), or null when this run has none
 */
public record LaneClients(SignedClient region, SignedClient ceiling, SignedClient replica) {

    public LaneClients(SignedClient region, SignedClient ceiling) {
        this(region, ceiling, null);
    }

    public void close() {
        region.close();
        if (ceiling != null) {
            ceiling.close();
        }
        if (replica != null) {
            replica.close();
        }
    }
}
