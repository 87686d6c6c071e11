package io.strongroom.core.error;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.HashSet;
import java.util.Set;

/**
 * The error codes Secrets Manager puts on the wire, each with the HTTP status AWS answers it with.
 * The {@link #code()} is the exact {@code __type} / {@code x-amzn-ErrorType} string the SDKs map to
 * exception classes, so it must never be renamed.
 */
public enum AwsErrorCode {
    // Secrets Manager modelled errors.
    DECRYPTION_FAILURE("DecryptionFailure", 400),
    ENCRYPTION_FAILURE("EncryptionFailure", 400),
    INTERNAL_SERVICE_ERROR("InternalServiceError", 500),
    INVALID_NEXT_TOKEN("InvalidNextTokenException", 400),
    INVALID_PARAMETER("InvalidParameterException", 400),
    INVALID_REQUEST("InvalidRequestException", 400),
    LIMIT_EXCEEDED("LimitExceededException", 400),
    MALFORMED_POLICY_DOCUMENT("MalformedPolicyDocumentException", 400),
    PRECONDITION_NOT_MET("PreconditionNotMetException", 400),
    PUBLIC_POLICY("PublicPolicyException", 400),
    RESOURCE_EXISTS("ResourceExistsException", 400),
    RESOURCE_NOT_FOUND("ResourceNotFoundException", 400),
    // Common errors every AWS JSON service answers with.
    ACCESS_DENIED("AccessDeniedException", 400),
    INCOMPLETE_SIGNATURE("IncompleteSignatureException", 400),
    INVALID_ACTION("InvalidAction", 400),
    INVALID_SIGNATURE("InvalidSignatureException", 400),
    MISSING_AUTHENTICATION_TOKEN("MissingAuthenticationTokenException", 403),
    UNRECOGNIZED_CLIENT("UnrecognizedClientException", 403),
    SERIALIZATION("SerializationException", 400),
    UNKNOWN_OPERATION("UnknownOperationException", 400),
    VALIDATION("ValidationException", 400),
    REQUEST_ENTITY_TOO_LARGE("RequestEntityTooLargeException", 413),
    THROTTLING("ThrottlingException", 400),
    SERVICE_UNAVAILABLE("ServiceUnavailable", 503);

    private final String code;
    private final int httpStatus;

    AwsErrorCode(String code, int httpStatus) {
        this.code = code;
        this.httpStatus = httpStatus;
    }

    /** Also the stored form in the event log: the wire code is stable, the Java constant name is not. */
    @JsonValue
    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public Rejection reject(String message) {
        return new Rejection(this, message);
    }

    @JsonCreator
    public static AwsErrorCode fromCode(String code) {
        for (AwsErrorCode c : values()) {
            if (c.code.equals(code)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown error code " + code);
    }

    // A wire code used twice would make two errors indistinguishable to clients: fail at class load.
    static {
        Set<String> seen = new HashSet<>();
        for (AwsErrorCode c : values()) {
            if (!seen.add(c.code)) {
                throw new ExceptionInInitializerError("duplicate AWS error code " + c.code);
            }
        }
    }
}
