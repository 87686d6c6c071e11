package io.strongroom.gateway.authz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.error.RejectedException;
import io.strongroom.core.secret.Lifecycle;
import io.strongroom.core.secret.SecretLocator;
import io.strongroom.core.secret.SecretState;
import io.strongroom.gateway.auth.Caller;
import io.strongroom.gateway.protocol.RequestOrigin;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthorizerTest {
    static final String ACCOUNT = "111122223333";
    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    final Authorizer authorizer = new Authorizer(Clock.fixed(NOW, ZoneOffset.UTC));

    static Caller caller(String identityPolicy) {
        return new Caller(ACCOUNT, "arn:aws:iam::" + ACCOUNT + ":user/app", "AKIATEST", identityPolicy);
    }

    static SecretState secret(String resourcePolicy) {
        return new SecretState("id-1", ACCOUNT, "us-east-1", "app/db", null, null, List.of(), NOW, NOW, null, null,
                Map.of(), 1, Lifecycle.ACTIVE, resourcePolicy);
    }

    static void deniedWith(Runnable call, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(RejectedException.class, e -> {
            assertThat(e.rejection().code()).isEqualTo(AwsErrorCode.ACCESS_DENIED);
            assertThat(e.rejection().message()).isEqualTo(message);
        });
    }

    @Test
    void anIdentityPolicyThatDoesNotParseDeniesEverything() {
        deniedWith(() -> authorizer.requireAllowed(caller("{broken"), RequestOrigin.UNKNOWN, "GetSecretValue", secret(null)),
                "User: arn:aws:iam::" + ACCOUNT + ":user/app is not authorized to perform: secretsmanager:GetSecretValue on resource: "
                        + SecretLocator.arnOf(secret(null)) + " because no identity-based policy allows the secretsmanager:GetSecretValue action");
    }

    @Test
    void aStoredResourcePolicyThatDoesNotParseDeniesEvenTheOwner() {
        deniedWith(() -> authorizer.requireAllowed(caller(null), RequestOrigin.UNKNOWN, "DescribeSecret", secret("{broken")),
                "User: arn:aws:iam::" + ACCOUNT + ":user/app is not authorized to perform: secretsmanager:DescribeSecret on resource: "
                        + SecretLocator.arnOf(secret(null)) + " with an explicit deny in a resource-based policy");
    }

    @Test
    void conditionsSeeTheGatewayClockAndTheSecretId() {
        String untilNextYear = """
                {"Statement": {"Effect": "Allow", "Action": "secretsmanager:*", "Resource": "*",
                 "Condition": {"DateLessThan": {"aws:CurrentTime": "2026-01-01T00:00:00Z"},
                               "StringLike": {"secretsmanager:SecretId": "arn:aws:secretsmanager:*:*:secret:app/*"}}}}""";
        String expired = untilNextYear.replace("2026-01-01", "2025-01-01");

        assertThatCode(() -> authorizer.requireAllowed(caller(untilNextYear), RequestOrigin.UNKNOWN, "GetSecretValue", secret(null)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> authorizer.requireAllowed(caller(expired), RequestOrigin.UNKNOWN, "GetSecretValue", secret(null)))
                .isInstanceOf(RejectedException.class);
    }

    @Test
    void anUnknownSourceAddressFailsClosedBothWays() {
        String allowFromOffice = """
                {"Statement": {"Effect": "Allow", "Action": "secretsmanager:*", "Resource": "*",
                 "Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}}}""";
        String denyOutsideOffice = """
                {"Statement": [{"Effect": "Allow", "Action": "secretsmanager:*", "Resource": "*"},
                 {"Effect": "Deny", "Action": "secretsmanager:*", "Resource": "*",
                  "Condition": {"NotIpAddress": {"aws:SourceIp": "10.0.0.0/8"}}}]}""";

        assertThatThrownBy(() -> authorizer.requireAllowed(caller(allowFromOffice), RequestOrigin.UNKNOWN, "ListSecrets", "*", null))
                .isInstanceOf(RejectedException.class);
        assertThatThrownBy(() -> authorizer.requireAllowedOnNoSecret(caller(denyOutsideOffice), RequestOrigin.UNKNOWN, "ListSecrets"))
                .isInstanceOf(RejectedException.class);
        assertThatCode(() -> authorizer.requireAllowedOnNoSecret(caller(denyOutsideOffice),
                new RequestOrigin("10.1.1.1", false), "ListSecrets")).doesNotThrowAnyException();
    }
}
