package io.strongroom.embedded;

/**
 * The host and two ports of one KRaft node, shared by {@link EmbeddedKafka} and
 * {@link KafkaBrokerProcess}: a port given as 0 is chosen free at the first start and kept for
 * restarts; if binding a chosen port fails, it is chosen again.
 */
final class NodePorts {
    private final String host;
    private final boolean chooseBroker;
    private final boolean chooseController;
    private int broker;
    private int controller;

    NodePorts(String host, int broker, int controller) {
        this.host = host;
        this.broker = broker;
        this.controller = controller;
        this.chooseBroker = broker == 0;
        this.chooseController = controller == 0;
    }

    /** Picks free ports for those not set yet. */
    void chooseUnset() {
        if (broker == 0 || controller == 0) {
            int[] ports = FreePorts.findFreePorts(2);
            if (broker == 0) {
                broker = ports[0];
            }
            if (controller == 0) {
                controller = ports[1];
            }
        }
    }

    /** True if {@code text} (log output or exception messages) says a port chosen here could not bind. */
    boolean chosenPortClashed(String text) {
        return chooseBroker && KraftNode.bindFailedOn(text, host, broker)
                || chooseController && KraftNode.bindFailedOn(text, host, controller);
    }

    /** Forgets the chosen ports, so that {@link #chooseUnset()} picks others. */
    void forgetChosen() {
        if (chooseBroker) {
            broker = 0;
        }
        if (chooseController) {
            controller = 0;
        }
    }

    /** {@code host:port} of the PLAINTEXT listener; valid once started. */
    String bootstrapServers() {
        if (broker == 0) {
            throw new IllegalStateException("not started yet: the broker port is chosen by start()");
        }
        return host + ":" + broker;
    }

    String host() {
        return host;
    }

    int broker() {
        return broker;
    }

    int controller() {
        return controller;
    }

    /** {@code host:broker, controller port}, for messages. */
    @Override
    public String toString() {
        return host + ":" + broker + ", controller " + controller;
    }
}
