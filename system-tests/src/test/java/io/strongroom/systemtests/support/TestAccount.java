package io.strongroom.systemtests.support;

import java.net.URI;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * An account of its own for one test class: its secrets are invisible to every other test.
 *
 * @param principalArn who the account's key acts as (policies name it)
 */
public record TestAccount(String accessKeyId, String accountId, String principalArn) {

    /** An account whose key acts as its root. */
    public TestAccount(String accessKeyId, String accountId) {
        this(accessKeyId, accountId, "arn:aws:iam::" + accountId + ":root");
    }

    public SecretsManagerClient client(URI endpoint) {
        return Clients.secretsManager(endpoint, accessKeyId);
    }
}
