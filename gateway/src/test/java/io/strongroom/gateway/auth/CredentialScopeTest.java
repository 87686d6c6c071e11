package io.strongroom.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.core.error.RejectedException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CredentialScopeTest {

    @Test
    void fiveSlashDelimitedParts() {
        SignatureParts.Credential c = SignatureParts.Credential.parse("AKID/20261127/us-east-1/secretsmanager/aws4_request");
        assertThat(c).isEqualTo(new SignatureParts.Credential("AKID", "20261127", "us-east-1", "secretsmanager",
                "aws4_request"));
        assertThat(SignatureParts.Credential.parse("AKID////")).isEqualTo(new SignatureParts.Credential("AKID", "", "", "", ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AKID/20261127/us-east-1/secretsmanager", "AKID/20261127/us-east-1/secretsmanager/aws4_request/",
        "/20261127/us-east-1/secretsmanager/aws4_request", "AKID", ""})
    void anythingElseIsIncomplete(String credential) {
        assertThatThrownBy(() -> SignatureParts.Credential.parse(credential)).isInstanceOf(RejectedException.class)
                .hasMessageContaining("Credential must have exactly 5 slash-delimited elements");
    }
}
