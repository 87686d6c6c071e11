package io.strongroom.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.error.Rejection;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConstraintsTest {

    @Test
    void aValidRequestHasNoRejection() {
        assertThat(new Constraints().required("name", "a").length("name", "a", 1, 512).rejection()).isEmpty();
    }

    @Test
    void aMissingRequiredMemberIsReportedAsNull() {
        Rejection rejection = new Constraints().required("secretId", null).rejection().orElseThrow();

        assertThat(rejection.code()).isEqualTo(AwsErrorCode.VALIDATION);
        assertThat(rejection.message()).isEqualTo("1 validation error detected: Value null at 'secretId' "
                + "failed to satisfy constraint: Member must not be null");
    }

    @Test
    void aTooLongStringEchoesItsValue() {
        assertThat(new Constraints().length("description", "abc", 0, 2).rejection().orElseThrow().message())
                .isEqualTo("1 validation error detected: Value 'abc' at 'description' failed to satisfy "
                        + "constraint: Member must have length less than or equal to 2");
    }

    @Test
    void aSecretValueIsNeverEchoed() {
        String message = new Constraints().sensitiveLength("secretString", 70000, 1, 65536)
                .rejection().orElseThrow().message();

        assertThat(message).isEqualTo("1 validation error detected: Value at 'secretString' failed to satisfy "
                + "constraint: Member must have length less than or equal to 65536");
    }

    @Test
    void severalViolationsAreCountedAndJoined() {
        String message = new Constraints()
                .length("clientRequestToken", "short", 32, 64)
                .range("maxResults", 0L, 1, 100)
                .rejection().orElseThrow().message();

        assertThat(message).isEqualTo("2 validation errors detected: Value 'short' at 'clientRequestToken' failed "
                + "to satisfy constraint: Member must have length greater than or equal to 32; Value '0' at "
                + "'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1");
    }

    @Test
    void absentOptionalMembersAreNotChecked() {
        assertThat(new Constraints().length("description", null, 1, 2).size("tags", null, 0, 50)
                .range("maxResults", null, 1, 100).sensitiveLength("secretBinary", null, 1, 10).isEmpty()).isTrue();
    }

    @Test
    void aListIsCheckedForItsNumberOfItems() {
        assertThat(new Constraints().size("versionStages", List.of(), 1, 20).rejection().orElseThrow().message())
                .endsWith("at 'versionStages' failed to satisfy constraint: Member must have length greater than or equal to 1");
    }

    @Test
    void anEnumMemberMustBeOneOfItsValues() {
        assertThat(new Constraints().oneOf("sortOrder", "up", List.of("asc", "desc")).rejection().orElseThrow()
                .message()).contains("Member must satisfy enum value set: [asc, desc]");
    }

    @Test
    void aPatternMemberMustMatchItsExpression() {
        String regex = "^\\!?[a-zA-Z0-9 ]*$";
        assertThat(new Constraints().pattern("filters.1.member.values.1.member", "ok value", regex).isEmpty()).isTrue();
        assertThat(new Constraints().pattern("filters.1.member.values.1.member", "no#", regex).rejection().orElseThrow()
                .message()).endsWith("Member must satisfy regular expression pattern: " + regex);
    }
}
