package io.strongroom.systemtests.support;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** AWS SDK v2 clients pointed at a Strongroom endpoint, configured as an application would. */
public final class Clients {
    /** The secret access key of every identity the tests configure (SharedRegion's accounts, {@link TestIdentities}). */
    public static final String SECRET_ACCESS_KEY = "strongroom-test-secret";

    private Clients() {}

    public static SecretsManagerClient secretsManager(URI endpoint, String accessKeyId) {
        return secretsManager(endpoint, accessKeyId, SECRET_ACCESS_KEY);
    }

    public static SecretsManagerClient secretsManager(URI endpoint, String accessKeyId, String secretAccessKey) {
        return SecretsManagerClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(accessKeyId, secretAccessKey)))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(30)))
                .build();
    }
}
