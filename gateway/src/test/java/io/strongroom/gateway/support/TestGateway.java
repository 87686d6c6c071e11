package io.strongroom.gateway.support;

import io.strongroom.core.crypto.EnvelopeCipher;
import io.strongroom.core.crypto.MasterKey;
import io.strongroom.core.crypto.MasterKeyRing;
import io.strongroom.gateway.GatewayConfig;
import io.strongroom.gateway.GatewayServer;
import io.strongroom.gateway.auth.AccessKeyAccounts;
import io.strongroom.gateway.auth.AccessKeyAuthenticator;
import io.strongroom.gateway.projection.ProjectionDirectory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * A real gateway server on an ephemeral port over {@link InMemorySecrets}, with clients: the AWS
 * SDK v2 (no retries, so each test sees the first answer) and raw HTTP for malformed requests.
 */
public final class TestGateway implements AutoCloseable {
    public static final String REGION = "us-east-1";
    public static final String ACCOUNT = "111122223333";
    public static final String OTHER_ACCOUNT = "444455556666";
    public static final String ACCESS_KEY = "AKIASTRONGROOMTEST01";
    public static final String OTHER_ACCESS_KEY = "AKIASTRONGROOMTEST02";
    public static final String OTHER_KMS_KEY = "alias/strongroom/other";

    public final InMemorySecrets secrets;
    public final GatewayServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    private TestGateway(InMemorySecrets secrets, GatewayServer server) {
        this.secrets = secrets;
        this.server = server;
    }

    public static TestGateway start() {
        return start(b -> { });
    }

    /** Dev mode off: only the two configured keys are accepted. */
    public static TestGateway start(Consumer<GatewayConfig.Builder> customize) {
        InMemorySecrets secrets = new InMemorySecrets(REGION, Clock.systemUTC());
        AccessKeyAccounts accounts = AccessKeyAccounts.builder()
                .add(ACCESS_KEY, ACCOUNT, "arn:aws:iam::" + ACCOUNT + ":user/tester")
                .add(OTHER_ACCESS_KEY, OTHER_ACCOUNT, "arn:aws:iam::" + OTHER_ACCOUNT + ":user/other")
                .build();
        GatewayConfig.Builder config = GatewayConfig.builder()
                .region(REGION)
                .authenticator(new AccessKeyAuthenticator(accounts))
                .commandBus(secrets)
                .projections(ProjectionDirectory.of(secrets))
                .cipher(new EnvelopeCipher(keyRing(), new SecureRandom()));
        customize.accept(config);
        GatewayServer server = new GatewayServer(config.build());
        server.start();
        return new TestGateway(secrets, server);
    }

    public static MasterKeyRing keyRing() {
        SecureRandom random = new SecureRandom();
        byte[] a = new byte[32];
        byte[] b = new byte[32];
        random.nextBytes(a);
        random.nextBytes(b);
        return new MasterKeyRing(List.of(new MasterKey(MasterKeyRing.DEFAULT_KEY, 1, a), new MasterKey(OTHER_KMS_KEY, 1, b)));
    }

    public URI endpoint() {
        return server.endpoint();
    }

    public SecretsManagerClient client() {
        return client(ACCESS_KEY);
    }

    public SecretsManagerClient client(String accessKeyId) {
        return SecretsManagerClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, "not-checked-yet")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** A raw POST / with the given target (null: no header) and content type, signed-looking for {@link #ACCESS_KEY}. */
    public HttpResponse<String> post(String target, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint().resolve("/"))
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY
                        + "/20240101/us-east-1/secretsmanager/aws4_request, SignedHeaders=host, Signature=00")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (target != null) {
            request.header("X-Amz-Target", target);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.build());
    }

    /** A raw GET of {@code pathAndQuery} (e.g. {@code /?Action=ListSecrets}), signed-looking for {@link #ACCESS_KEY}. */
    public HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(endpoint().resolve(pathAndQuery))
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY
                        + "/20240101/us-east-1/secretsmanager/aws4_request, SignedHeaders=host, Signature=00")
                .GET().build());
    }

    public HttpResponse<String> call(String operation, String body) {
        return post("secretsmanager." + operation, "application/x-amz-json-1.1", body);
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
