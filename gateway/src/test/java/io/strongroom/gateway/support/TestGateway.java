package io.strongroom.gateway.support;

import io.strongroom.core.crypto.EnvelopeCipher;
import io.strongroom.core.crypto.MasterKey;
import io.strongroom.core.crypto.MasterKeyRing;
import io.strongroom.gateway.GatewayConfig;
import io.strongroom.gateway.GatewayServer;
import io.strongroom.gateway.auth.AccessKeyAccounts;
import io.strongroom.gateway.auth.SigV4Authenticator;
import io.strongroom.gateway.auth.sigv4.RequestSigner;
import io.strongroom.gateway.auth.sigv4.SigV4;
import io.strongroom.gateway.projection.ProjectionDirectory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    /** The secret access key of both test identities. */
    public static final String SECRET_KEY = "strongroom-gateway-test-secret";
    public static final String OTHER_KMS_KEY = "alias/strongroom/other";

    private static final RequestSigner SIGNER = new RequestSigner(ACCESS_KEY, SECRET_KEY, REGION, SigV4Authenticator.SERVICE);

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

    /** The two identities {@link #ACCESS_KEY} and {@link #OTHER_ACCESS_KEY}, both with {@link #SECRET_KEY}. */
    public static AccessKeyAccounts identities() {
        return AccessKeyAccounts.builder()
                .add(ACCESS_KEY, SECRET_KEY, ACCOUNT, "arn:aws:iam::" + ACCOUNT + ":user/tester")
                .add(OTHER_ACCESS_KEY, SECRET_KEY, OTHER_ACCOUNT, "arn:aws:iam::" + OTHER_ACCOUNT + ":user/other")
                .build();
    }

    /** Only the two configured keys are accepted, with valid signatures. */
    public static TestGateway start(Consumer<GatewayConfig.Builder> customize) {
        InMemorySecrets secrets = new InMemorySecrets(REGION, Clock.systemUTC());
        GatewayConfig.Builder config = GatewayConfig.builder()
                .region(REGION)
                .authenticator(new SigV4Authenticator(identities(), REGION, Clock.systemUTC()))
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
        return client(accessKeyId, SECRET_KEY);
    }

    public SecretsManagerClient client(String accessKeyId, String secretAccessKey) {
        return SecretsManagerClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey)))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** A raw POST / with the given target (null: no header) and content type, signed now for {@link #ACCESS_KEY}. */
    public HttpResponse<String> post(String target, String contentType, String body) {
        return post(target, contentType, body, Instant.now());
    }

    /** A raw POST /, signed in the Authorization header as if at {@code signedAt}. */
    public HttpResponse<String> post(String target, String contentType, String body, Instant signedAt) {
        Map<String, List<String>> headers = rawHeaders(target, contentType);
        headers.put("X-Amz-Date", List.of(SigV4.amzDate(signedAt)));
        String authorization = SIGNER.authorization("POST", "/", null, headers, hash(body), signedAt);
        return send(HttpRequest.newBuilder(endpoint().resolve("/")).header("Authorization", authorization), headers, body);
    }

    /** A raw POST /?X-Amz-...: SigV4's presigned query form, signed now for {@link #ACCESS_KEY}. */
    public HttpResponse<String> presignedPost(String target, String body, Duration expires) {
        Map<String, List<String>> headers = rawHeaders(target, "application/x-amz-json-1.1");
        String query = SIGNER.presignedQuery("POST", "/", null, headers, hash(body), Instant.now(), expires);
        return send(HttpRequest.newBuilder(URI.create(endpoint().resolve("/") + "?" + query)), headers, body);
    }

    private Map<String, List<String>> rawHeaders(String target, String contentType) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Host", List.of(endpoint().getAuthority()));
        if (target != null) {
            headers.put("X-Amz-Target", List.of(target));
        }
        if (contentType != null) {
            headers.put("Content-Type", List.of(contentType));
        }
        return headers;
    }

    private HttpResponse<String> send(HttpRequest.Builder request, Map<String, List<String>> headers, String body) {
        headers.forEach((name, values) -> {
            if (!name.equals("Host")) {
                request.header(name, values.get(0));
            }
        });
        return send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static String hash(String body) {
        return SigV4.sha256Hex(body.getBytes(StandardCharsets.UTF_8));
    }

    /** A raw GET of {@code /?query} (e.g. {@code Action=ListSecrets}), signed now in the Authorization header. */
    public HttpResponse<String> get(String query) {
        Instant now = Instant.now();
        Map<String, List<String>> headers = rawHeaders(null, null);
        headers.put("X-Amz-Date", List.of(SigV4.amzDate(now)));
        String authorization = SIGNER.authorization("GET", "/", query, headers, hash(""), now);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint().resolve("/") + "?" + query))
                .header("Authorization", authorization)
                .header("X-Amz-Date", headers.get("X-Amz-Date").get(0));
        return send(request.GET().build());
    }

    /** A raw GET of {@code /?query&X-Amz-...}: the presigned query form, signed now. */
    public HttpResponse<String> presignedGet(String query, Duration expires) {
        Map<String, List<String>> headers = rawHeaders(null, null);
        String signed = SIGNER.presignedQuery("GET", "/", query, headers, hash(""), Instant.now(), expires);
        return send(HttpRequest.newBuilder(URI.create(endpoint().resolve("/") + "?" + signed)).GET().build());
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
