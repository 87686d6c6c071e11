package io.strongroom.deploy.security;

import io.strongroom.kafka.KafkaSettings;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses internal traffic that would cross the network unencrypted and unauthenticated: a Kafka
 * connection whose security.protocol is not SSL or SASL_SSL, or a projection API without mutual TLS,
 * on anything but a loopback address. {@code insecure} (the {@code --insecure} flag) lets an operator
 * accept that explicitly.
 */
public final class PlaintextGuard {
    private static final Set<String> ENCRYPTED_KAFKA = Set.of("SSL", "SASL_SSL");
    private static final String HOW_TO_ACCEPT = "; pass --insecure to accept plaintext internal traffic";

    private PlaintextGuard() {}

    public static void checkKafka(KafkaSettings kafka, boolean insecure) {
        String protocol = kafka.clientProperties().getOrDefault("security.protocol", "PLAINTEXT")
                .toUpperCase(Locale.ROOT);
        if (insecure || ENCRYPTED_KAFKA.contains(protocol)) {
            return;
        }
        for (String server : kafka.bootstrapServers().split(",")) {
            String host = hostOf(server.trim());
            if (!isLoopback(host)) {
                throw new InsecureConfigurationException("refusing to start: Kafka at " + server.trim()
                        + " is reached with security.protocol=" + protocol
                        + " on a non-loopback address; configure SASL_SSL or SSL (--kafka-config)" + HOW_TO_ACCEPT);
            }
        }
    }

    /** A server listening for internal calls (the projection API) on {@code host}, with or without mTLS. */
    public static void checkListener(String what, String host, boolean mutualTls, boolean insecure) {
        if (!insecure && !mutualTls && !isLoopback(host)) {
            throw new InsecureConfigurationException("refusing to start: " + what + " would listen in plaintext on "
                    + host + ", a non-loopback address; give its certificate, key and client CA" + HOW_TO_ACCEPT);
        }
    }

    /** A client calling an internal API at {@code endpoint}. */
    public static void checkEndpoint(String what, URI endpoint, boolean insecure) {
        if (!insecure && "http".equalsIgnoreCase(endpoint.getScheme()) && !isLoopback(endpoint.getHost())) {
            throw new InsecureConfigurationException("refusing to start: " + what + " at " + endpoint
                    + " is plaintext http on a non-loopback address; use https with mutual TLS" + HOW_TO_ACCEPT);
        }
    }

    /**
     * A ZooKeeper connect string ({@code host:port,host:port/chroot}): off loopback the client must use
     * TLS ({@code zookeeper.client.secure=true}); authentication and znode ACLs are configured beside it
     * (deploy/README.md, "ZooKeeper").
     */
    public static void checkZooKeeper(String connectString, boolean secureClient, boolean insecure) {
        if (insecure || secureClient) {
            return;
        }
        String hosts = connectString.contains("/") ? connectString.substring(0, connectString.indexOf('/')) : connectString;
        for (String server : hosts.split(",")) {
            if (!isLoopback(hostOf(server.trim()))) {
                throw new InsecureConfigurationException("refusing to start: ZooKeeper at " + server.trim()
                        + " would be reached in plaintext on a non-loopback address; set zookeeper.client.secure=true"
                        + " with its TLS settings" + HOW_TO_ACCEPT);
            }
        }
    }

    static String hostOf(String hostAndPort) {
        String s = hostAndPort.contains("://") ? hostAndPort.substring(hostAndPort.indexOf("://") + 3) : hostAndPort;
        if (s.startsWith("[")) {
            return s.substring(1, Math.max(1, s.indexOf(']')));
        }
        int colon = s.lastIndexOf(':');
        return colon < 0 || s.indexOf(':') != colon ? s : s.substring(0, colon);
    }

    /** Loopback by name or address; an unresolvable or wildcard address is not. */
    static boolean isLoopback(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The configuration would expose internal traffic; the message says what and how to fix it. */
    public static final class InsecureConfigurationException extends IllegalArgumentException {
        InsecureConfigurationException(String message) {
            super(message);
        }
    }
}
