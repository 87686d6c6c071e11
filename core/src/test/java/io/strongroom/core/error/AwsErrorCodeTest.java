package io.strongroom.core.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AwsErrorCodeTest {

    @Test
    void everyWireCodeIsUsedOnce() {
        assertThat(Arrays.stream(AwsErrorCode.values()).map(AwsErrorCode::code)).doesNotHaveDuplicates();
    }

    @Test
    void secretsManagerCodesAreTheExactAwsStrings() {
        assertThat(AwsErrorCode.RESOURCE_NOT_FOUND.code()).isEqualTo("ResourceNotFoundException");
        assertThat(AwsErrorCode.RESOURCE_EXISTS.code()).isEqualTo("ResourceExistsException");
        assertThat(AwsErrorCode.INVALID_REQUEST.code()).isEqualTo("InvalidRequestException");
        assertThat(AwsErrorCode.INVALID_PARAMETER.code()).isEqualTo("InvalidParameterException");
        assertThat(AwsErrorCode.INVALID_NEXT_TOKEN.code()).isEqualTo("InvalidNextTokenException");
        assertThat(AwsErrorCode.LIMIT_EXCEEDED.code()).isEqualTo("LimitExceededException");
        assertThat(AwsErrorCode.MALFORMED_POLICY_DOCUMENT.code()).isEqualTo("MalformedPolicyDocumentException");
        assertThat(AwsErrorCode.PRECONDITION_NOT_MET.code()).isEqualTo("PreconditionNotMetException");
        assertThat(AwsErrorCode.PUBLIC_POLICY.code()).isEqualTo("PublicPolicyException");
        assertThat(AwsErrorCode.DECRYPTION_FAILURE.code()).isEqualTo("DecryptionFailure");
        assertThat(AwsErrorCode.ENCRYPTION_FAILURE.code()).isEqualTo("EncryptionFailure");
        assertThat(AwsErrorCode.INTERNAL_SERVICE_ERROR.code()).isEqualTo("InternalServiceError");
    }

    @Test
    void commonCodesAreTheExactAwsStringsAndStatuses() {
        assertThat(AwsErrorCode.ACCESS_DENIED.code()).isEqualTo("AccessDeniedException");
        assertThat(AwsErrorCode.UNRECOGNIZED_CLIENT.code()).isEqualTo("UnrecognizedClientException");
        assertThat(AwsErrorCode.UNRECOGNIZED_CLIENT.httpStatus()).isEqualTo(403);
        assertThat(AwsErrorCode.MISSING_AUTHENTICATION_TOKEN.httpStatus()).isEqualTo(403);
        assertThat(AwsErrorCode.INVALID_SIGNATURE.code()).isEqualTo("InvalidSignatureException");
        assertThat(AwsErrorCode.VALIDATION.code()).isEqualTo("ValidationException");
        assertThat(AwsErrorCode.THROTTLING.code()).isEqualTo("ThrottlingException");
        assertThat(AwsErrorCode.INTERNAL_SERVICE_ERROR.httpStatus()).isEqualTo(500);
        assertThat(AwsErrorCode.RESOURCE_NOT_FOUND.httpStatus()).isEqualTo(400);
    }

    @Test
    void fromCodeFindsEachCodeAndRefusesUnknownOnes() {
        for (AwsErrorCode code : AwsErrorCode.values()) {
            assertThat(AwsErrorCode.fromCode(code.code())).isSameAs(code);
        }
        assertThatThrownBy(() -> AwsErrorCode.fromCode("NoSuchThing")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRejectedExceptionCarriesItsRejection() {
        RejectedException e = new RejectedException(AwsErrorCode.RESOURCE_NOT_FOUND, "gone");

        assertThat(e.rejection()).isEqualTo(new Rejection(AwsErrorCode.RESOURCE_NOT_FOUND, "gone"));
        assertThat(e).hasMessage("ResourceNotFoundException: gone");
    }
}
