package io.strongroom.systemtests.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
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
        return secretsManager(endpoint, accessKeyId, SECRET_ACCESS_KEY, null);
    }

    public static SecretsManagerClient secretsManager(URI endpoint, String accessKeyId, String secretAccessKey) {
        return secretsManager(endpoint, accessKeyId, secretAccessKey, null);
    }

    /** Over HTTPS, trusting only the CA certificates in {@code caBundle} (PEM), as AWS_CA_BUNDLE would. */
    public static SecretsManagerClient secretsManager(URI endpoint, String accessKeyId, Path caBundle) {
        return secretsManager(endpoint, accessKeyId, SECRET_ACCESS_KEY, caBundle);
    }

    /** @param caBundle null for the JDK's trusted CAs */
    public static SecretsManagerClient secretsManager(URI endpoint, String accessKeyId, String secretAccessKey,
            Path caBundle) {
        return secretsManager(endpoint, Region.US_EAST_1, accessKeyId, secretAccessKey, caBundle);
    }

    /** A client of the region {@code region} (it signs for that region, as the SDK does). */
    public static SecretsManagerClient secretsManager(URI endpoint, Region region, String accessKeyId) {
        return secretsManager(endpoint, region, accessKeyId, SECRET_ACCESS_KEY, null);
    }

    private static SecretsManagerClient secretsManager(URI endpoint, Region region, String accessKeyId,
            String secretAccessKey, Path caBundle) {
        UrlConnectionHttpClient.Builder http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(Duration.ofSeconds(30));
        if (caBundle != null) {
            http.tlsTrustManagersProvider(() -> trusting(caBundle));
        }
        return SecretsManagerClient.builder()
                .endpointOverride(endpoint)
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(accessKeyId, secretAccessKey)))
                .httpClientBuilder(http)
                .build();
    }

    private static TrustManager[] trusting(Path caBundle) {
        try (InputStream in = Files.newInputStream(caBundle)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int i = 0;
            for (Certificate ca : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + i++, ca);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            return trust.getTrustManagers();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read CA bundle " + caBundle, e);
        }
    }
}
