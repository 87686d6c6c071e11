package io.strongroom.embedded;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A broker locked down as production is: the client listener speaks SASL (SCRAM-SHA-512) and the
 * StandardAuthorizer denies whatever no ACL allows. Only {@code superUser} bypasses ACLs; the broker
 * itself authenticates as that user (SCRAM between brokers, PLAIN on the controller listener, since
 * SCRAM credentials live in the metadata the controller serves). The super user's SCRAM credential is
 * written at format time; other users are added with {@code Admin.alterUserScramCredentials}.
 */
public record ScramSecurity(String superUser, String password) {
    public static final String MECHANISM = "SCRAM-SHA-512";

    public ScramSecurity {
        if (superUser.isBlank() || superUser.contains("\"") || password.contains("\"")) {
            throw new IllegalArgumentException("super user and password must be non-blank and free of quotes");
        }
    }

    /** Broker properties: listeners, mechanisms, JAAS for the broker's own connections, the authorizer. */
    Map<String, String> brokerProperties() {
        String broker = KraftNode.BROKER_LISTENER.toLowerCase();
        String controller = KraftNode.CONTROLLER_LISTENER.toLowerCase();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("listener.security.protocol.map", KraftNode.BROKER_LISTENER + ":SASL_PLAINTEXT,"
                + KraftNode.CONTROLLER_LISTENER + ":SASL_PLAINTEXT");
        p.put("sasl.enabled.mechanisms", MECHANISM);
        p.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
        p.put("listener.name." + broker + "." + MECHANISM.toLowerCase() + ".sasl.jaas.config",
                jaas("org.apache.kafka.common.security.scram.ScramLoginModule", ""));
        p.put("listener.name." + controller + ".sasl.enabled.mechanisms", "PLAIN");
        p.put("sasl.mechanism.controller.protocol", "PLAIN");
        p.put("listener.name." + controller + ".plain.sasl.jaas.config",
                jaas("org.apache.kafka.common.security.plain.PlainLoginModule",
                        " user_" + superUser + "=\"" + password + "\""));
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("super.users", "User:" + superUser);
        p.put("allow.everyone.if.no.acl.found", "false");
        return p;
    }

    /** The format-time SCRAM credential of the super user. */
    List<String> formatArguments() {
        return List.of(MECHANISM + "=[name=" + superUser + ",password=" + password + "]");
    }

    /** Client properties authenticating as the super user. */
    public Map<String, String> superUserClient() {
        return client(superUser, password);
    }

    /** Client properties authenticating as the super user on the controller listener (PLAIN). */
    Map<String, String> controllerClient() {
        return Map.of("security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", jaas("org.apache.kafka.common.security.plain.PlainLoginModule", ""));
    }

    /** Client properties authenticating as any SCRAM-SHA-512 user over SASL_PLAINTEXT. */
    public static Map<String, String> client(String user, String password) {
        return Map.of("security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", MECHANISM,
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                        + user + "\" password=\"" + password + "\";");
    }

    private String jaas(String module, String extra) {
        return module + " required username=\"" + superUser + "\" password=\"" + password + "\"" + extra + ";";
    }
}
