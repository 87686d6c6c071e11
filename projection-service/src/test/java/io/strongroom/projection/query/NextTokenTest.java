package io.strongroom.projection.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.error.RejectedException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class NextTokenTest {

    @Test
    void aTokenCarriesThePositionThePageEndedAt() {
        String token = NextToken.after("001767225600000000000:prod/db-password+ü");
        assertThat(token).doesNotContain("prod").doesNotContain("0017").matches("[A-Za-z0-9_-]+");
        assertThat(NextToken.position(token)).isEqualTo("001767225600000000000:prod/db-password+ü");
    }

    @Test
    void noTokenMeansTheFirstPage() {
        assertThat(NextToken.position(null)).isNull();
    }

    @Test
    void anythingElseIsAnInvalidNextToken() {
        String notBase64 = "%%%";
        String wrongTag = Base64.getUrlEncoder().encodeToString("x1:name".getBytes(StandardCharsets.UTF_8));
        String notUtf8 = Base64.getUrlEncoder().encodeToString(new byte[] {'c', '1', ':', (byte) 0xC3});
        String empty = Base64.getUrlEncoder().encodeToString("c1:".getBytes(StandardCharsets.UTF_8));
        for (String token : new String[] {notBase64, wrongTag, notUtf8, empty}) {
            assertThatThrownBy(() -> NextToken.position(token))
                    .isInstanceOfSatisfying(RejectedException.class, e -> {
                        assertThat(e.rejection().code()).isEqualTo(AwsErrorCode.INVALID_NEXT_TOKEN);
                        assertThat(e.rejection().message()).isEqualTo("The NextToken value is invalid.");
                    });
        }
    }
}
