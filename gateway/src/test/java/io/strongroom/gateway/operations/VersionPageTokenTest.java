package io.strongroom.gateway.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.error.RejectedException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VersionPageTokenTest {

    @Test
    void aTokenLeadsBackToTheIndexItWasIssuedFor() {
        assertThat(VersionPageToken.index(VersionPageToken.at(37))).isEqualTo(37);
    }

    @Test
    void noTokenStartsAtTheFirstVersion() {
        assertThat(VersionPageToken.index(null)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-token", "!!!", "djE6", "djE6LTE", "djE6MA", "bjE6YXBwL2Ri"})
    void anythingElseIsAnInvalidNextToken(String token) {
        assertThatThrownBy(() -> VersionPageToken.index(token))
                .isInstanceOfSatisfying(RejectedException.class, e -> {
                    assertThat(e.rejection().code()).isEqualTo(AwsErrorCode.INVALID_NEXT_TOKEN);
                    assertThat(e.rejection().message()).isEqualTo("The NextToken value is invalid.");
                });
    }

    @Test
    void aTokenIsOpaqueBase64Url() {
        String token = VersionPageToken.at(5);
        assertThat(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8)).isEqualTo("v1:5");
    }
}
