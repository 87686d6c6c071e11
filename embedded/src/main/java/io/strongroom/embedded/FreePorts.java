package io.strongroom.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds free TCP ports on the loopback interface by binding to port 0 and releasing the socket.
 *
 * <p>There is an unavoidable window between finding a port and a server binding it; callers that
 * pick ports automatically should be ready to retry on {@link java.net.BindException}.
 */
public final class FreePorts {

    private FreePorts() {
    }

    /** One free loopback port. */
    public static int findFreePort() {
        return findFreePorts(1)[0];
    }

    /** {@code count} distinct free loopback ports (all sockets are held open until every port is found). */
    public static int[] findFreePorts(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1: " + count);
        }
        List<ServerSocket> sockets = new ArrayList<>(count);
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket();
                sockets.add(socket);
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("could not find a free port", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // nothing to do
                }
            }
        }
    }
}
