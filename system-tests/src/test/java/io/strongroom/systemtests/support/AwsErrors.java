package io.strongroom.systemtests.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Assertions on the AWS error a call answers with, for errors the SDK has no exception class for. */
public final class AwsErrors {
    private AwsErrors() {}

    /** The call fails with this wire error code, HTTP 400, and a message containing {@code messagePart}. */
    public static void assertAwsError(ThrowingCallable call, String code, String messagePart) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AwsServiceException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorMessage()).contains(messagePart);
        });
    }
}
