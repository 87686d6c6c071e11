package io.strongroom.systemtests.support;

import java.net.URI;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** An account of its own for one test class: its secrets are invisible to every other test. */
public record TestAccount(String accessKeyId, String accountId) {
    public SecretsManagerClient client(URI endpoint) {
        return Clients.secretsManager(endpoint, accessKeyId);
    }
}
