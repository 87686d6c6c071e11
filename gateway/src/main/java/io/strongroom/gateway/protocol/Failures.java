package io.strongroom.gateway.protocol;

import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.error.RejectedException;
import io.strongroom.core.error.Rejection;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that decides what a failure means to the client: a {@link RejectedException} is
 * the AWS error it carries; anything else is a bug or an outage, answered as InternalServiceError
 * (the SDKs retry it) with a fixed text, and logged with its stack trace for the operator.
 */
final class Failures {
    static final String INTERNAL = "An internal error occurred. Retry the request.";
    private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

    private Failures() {}

    static Rejection toRejection(Throwable failure, String requestId, String operation) {
        Throwable cause = unwrap(failure);
        if (cause instanceof RejectedException rejected) {
            return rejected.rejection();
        }
        LOG.error("request {} ({}) failed unexpectedly", requestId, operation, cause);
        return AwsErrorCode.INTERNAL_SERVICE_ERROR.reject(INTERNAL);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
