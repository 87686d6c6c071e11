package io.strongroom.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WildcardTest {

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
        "*, anything, true",
        "*, '', true",
        "secretsmanager:*, secretsmanager:GetSecretValue, true",
        "secretsmanager:Get*, secretsmanager:GetSecretValue, true",
        "secretsmanager:Get*, secretsmanager:PutSecretValue, false",
        "secretsmanager:?etSecretValue, secretsmanager:GetSecretValue, true",
        "secretsmanager:?etSecretValue, secretsmanager:etSecretValue, false",
        "a*b*c, axxbyyc, true",
        "a*b*c, axxbyy, false",
        "a*b, ab, true",
        "a**b, aXb, true",
        "abc, abcd, false",
        "abcd, abc, false",
        "*c, abcbc, true",
        "abc, abc, true",
        "secretsmanager:Get*, secretsmanager:Ge, false",
        "secretsmanager:Get*, secretsmanager:Get, true",
        "'', '', true",
        "'', a, false",
    })
    void matchesStarsAndQuestionMarks(String pattern, String value, boolean expected) {
        assertThat(Wildcard.matches(pattern, value, false)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} vs {1} ignoring case={2}: {3}")
    @CsvSource({
        "secretsmanager:getsecretvalue, secretsmanager:GetSecretValue, true, true",
        "secretsmanager:getsecretvalue, secretsmanager:GetSecretValue, false, false",
        "SECRETSMANAGER:GET*, secretsmanager:GetSecretValue, true, true",
    })
    void caseSensitivityIsTheCallersChoice(String pattern, String value, boolean ignoreCase, boolean expected) {
        assertThat(Wildcard.matches(pattern, value, ignoreCase)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"'**************************************************b'"})
    void aPatheticPatternStaysFast(String pattern) {
        assertThat(Wildcard.matches(pattern, "a".repeat(5000), false)).isFalse();
    }
}
