package io.strongroom.gateway.support;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * One {@link TestGateway} shared by a test class, with an SDK client for {@link TestGateway#ACCESS_KEY}:
 * started before the class's first test, both closed after its last.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final GatewayUnderTest gateway = new GatewayUnderTest();
 * private final SecretsManagerClient sdk = gateway.sdk();
 * }</pre>
 */
public final class GatewayUnderTest implements BeforeAllCallback, AfterAllCallback {
    private TestGateway gateway;
    private SecretsManagerClient sdk;

    @Override
    public void beforeAll(ExtensionContext context) {
        gateway = TestGateway.start();
        sdk = gateway.client();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        sdk.close();
        gateway.close();
    }

    /** The SDK client; available from the class's first test on. */
    public SecretsManagerClient sdk() {
        if (sdk == null) {
            throw new IllegalStateException("the gateway starts before the class's first test; register it as a static field");
        }
        return sdk;
    }

    /** The gateway itself, for raw or differently signed requests; available from the class's first test on. */
    public TestGateway gateway() {
        if (gateway == null) {
            throw new IllegalStateException("the gateway starts before the class's first test; register it as a static field");
        }
        return gateway;
    }

    /** A raw, well-formed call of {@code operation}: see {@link TestGateway#call(String, String)}. */
    public HttpResponse<String> call(String operation, String body) {
        return gateway.call(operation, body);
    }
}
