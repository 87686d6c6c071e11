package io.strongroom.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.strongroom.core.audit.AuditCall;
import io.strongroom.core.audit.AuditOutcome;
import io.strongroom.gateway.support.TestGateway;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/** Every answer of the gateway leaves exactly the audit call it should, and never a value. */
class CallAuditTest {
    private static final String VALUE = "audit-test-value-7f3a9c";
    private static final List<AuditCall> calls = new CopyOnWriteArrayList<>();
    private static TestGateway gateway;
    private static SecretsManagerClient sdk;

    @BeforeAll
    static void start() {
        gateway = TestGateway.start(config -> config.audit(new AuditSink() {
            @Override
            public void record(AuditCall call) {
                calls.add(call);
            }

            @Override
            public long dropped() {
                return 3;
            }

            @Override
            public long failed() {
                return 0;
            }
        }));
        sdk = gateway.client();
    }

    @AfterAll
    static void stop() {
        sdk.close();
        gateway.close();
    }

    private static AuditCall callWithRequestId(String requestId) {
        return await().atMost(Duration.ofSeconds(10)).until(
                () -> calls.stream().filter(c -> c.requestId().equals(requestId)).findFirst().orElse(null),
                c -> c != null);
    }

    @Test
    void aSuccessfulGetSecretValueIsRecordedWithTheCallerAndTheResolvedArnButNoValue() {
        CreateSecretResponse created = sdk.createSecret(b -> b.name("audit/success").secretString(VALUE));
        GetSecretValueResponse read = sdk.getSecretValue(b -> b.secretId("audit/success"));

        AuditCall call = callWithRequestId(read.responseMetadata().requestId());

        assertThat(call.action()).isEqualTo("GetSecretValue");
        assertThat(call.outcome()).isEqualTo(AuditOutcome.SUCCESS);
        assertThat(call.httpStatus()).isEqualTo(200);
        assertThat(call.errorCode()).isNull();
        assertThat(call.account()).isEqualTo(TestGateway.ACCOUNT);
        assertThat(call.accessKeyId()).isEqualTo(TestGateway.ACCESS_KEY);
        assertThat(call.principalArn()).isEqualTo("arn:aws:iam::" + TestGateway.ACCOUNT + ":user/tester");
        assertThat(call.resource()).isEqualTo(created.arn());
        assertThat(call.sourceAddress()).isEqualTo("127.0.0.1");
        assertThat(call.time()).isNotNull();
        assertThat(calls.toString()).doesNotContain(VALUE);
    }

    @Test
    void anUnknownAccessKeyIsRecordedAsDeniedUnderTheKeyItClaimed() {
        try (SecretsManagerClient stranger = gateway.client("AKIAUNKNOWNKEY000001")) {
            assertThatThrownBy(() -> stranger.getSecretValue(b -> b.secretId("audit/anything")))
                    .isInstanceOfSatisfying(SecretsManagerException.class, e -> {
                        AuditCall call = callWithRequestId(e.requestId());
                        assertThat(call.outcome()).isEqualTo(AuditOutcome.DENIED);
                        assertThat(call.errorCode()).isEqualTo("UnrecognizedClientException");
                        assertThat(call.httpStatus()).isEqualTo(e.statusCode());
                        assertThat(call.account()).isEqualTo("-");
                        assertThat(call.accessKeyId()).isEqualTo("AKIAUNKNOWNKEY000001");
                        assertThat(call.principalArn()).isNull();
                        assertThat(call.action()).isEqualTo("GetSecretValue");
                    });
        }
    }

    @Test
    void anotherAccountsArnIsRecordedAsDeniedWithThatArn() {
        CreateSecretResponse created = sdk.createSecret(b -> b.name("audit/theirs").secretString(VALUE));
        try (SecretsManagerClient other = gateway.client(TestGateway.OTHER_ACCESS_KEY)) {
            assertThatThrownBy(() -> other.getSecretValue(b -> b.secretId(created.arn())))
                    .isInstanceOfSatisfying(SecretsManagerException.class, e -> {
                        AuditCall call = callWithRequestId(e.requestId());
                        assertThat(call.outcome()).isEqualTo(AuditOutcome.DENIED);
                        assertThat(call.errorCode()).isEqualTo("AccessDeniedException");
                        assertThat(call.account()).isEqualTo(TestGateway.OTHER_ACCOUNT);
                        assertThat(call.resource()).isEqualTo(created.arn());
                    });
        }
    }

    @Test
    void aValidationErrorIsRecordedAsAnErrorWithTheSecretIdRequested() {
        HttpResponse<String> response = gateway.call("GetSecretValue", "{\"SecretId\":\"audit/x\",\"VersionStage\":\"\"}");

        AuditCall call = callWithRequestId(response.headers().firstValue("x-amzn-RequestId").orElseThrow());

        assertThat(call.outcome()).isEqualTo(AuditOutcome.ERROR);
        assertThat(call.errorCode()).isEqualTo("ValidationException");
        assertThat(call.httpStatus()).isEqualTo(400);
        assertThat(call.resource()).isEqualTo("audit/x");
    }

    @Test
    void anUnknownOperationIsRecordedUnderTheNameItWasCalledBy() {
        HttpResponse<String> response = gateway.call("FrobnicateSecret", "{}");

        AuditCall call = callWithRequestId(response.headers().firstValue("x-amzn-RequestId").orElseThrow());

        assertThat(call.action()).isEqualTo("FrobnicateSecret");
        assertThat(call.errorCode()).isEqualTo("UnknownOperationException");
        assertThat(call.outcome()).isEqualTo(AuditOutcome.ERROR);
    }

    @Test
    void anUnsignedPresignedStyleCallIsRecordedAsDeniedUnderTheKeyInItsCredentialParameter() {
        HttpResponse<String> response = gateway.send(HttpRequest.newBuilder(gateway.endpoint().resolve(
                        "/?X-Amz-Credential=AKIAPRESIGNED0000001%2F20240101%2Fus-east-1%2Fsecretsmanager%2Faws4_request"))
                .header("X-Amz-Target", "secretsmanager.ListSecrets")
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());

        AuditCall call = callWithRequestId(response.headers().firstValue("x-amzn-RequestId").orElseThrow());

        assertThat(call.outcome()).isEqualTo(AuditOutcome.DENIED);
        // A presigned-style query without its other parts is an incomplete signature, as AWS answers.
        assertThat(call.errorCode()).isEqualTo("IncompleteSignatureException");
        assertThat(call.accessKeyId()).isEqualTo("AKIAPRESIGNED0000001");
        assertThat(call.action()).isEqualTo("ListSecrets");
    }

    @Test
    void healthAndMetricsAreNotApiCallsAndLeaveNoRecord() {
        HttpResponse<String> health = gateway.send(HttpRequest.newBuilder(gateway.endpoint().resolve("/health")).build());
        HttpResponse<String> metrics = gateway.send(HttpRequest.newBuilder(gateway.endpoint().resolve("/metrics")).build());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("strongroom_audit_records_dropped_total 3.0");
        String healthId = health.headers().firstValue("x-amzn-RequestId").orElseThrow();
        String metricsId = metrics.headers().firstValue("x-amzn-RequestId").orElseThrow();
        assertThat(calls).noneMatch(c -> c.requestId().equals(healthId) || c.requestId().equals(metricsId));
    }
}
