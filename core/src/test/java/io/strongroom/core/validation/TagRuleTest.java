package io.strongroom.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.secret.Tag;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TagRuleTest {

    @ParameterizedTest
    @ValueSource(strings = {"team", "cost center", "a+b-c=d.e_f:g/h@i", "Équipe", "数字", "x1", ""})
    void lettersNumbersSpacesAndTheSevenSymbolsAreAccepted(String text) {
        assertThat(TagRule.checkTags(List.of(new Tag("k", text)))).isEmpty();
        if (!text.isEmpty()) {
            assertThat(TagRule.checkTags(List.of(new Tag(text, "v")))).isEmpty();
            assertThat(TagRule.checkKeys(List.of(text))).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"a#b", "semi;colon", "star*", "quote\"", "new\nline"})
    void otherCharactersAreAnInvalidParameter(String text) {
        assertThat(TagRule.checkTags(List.of(new Tag(text, "v")))).hasValueSatisfying(r -> {
            assertThat(r.code()).isEqualTo(AwsErrorCode.INVALID_PARAMETER);
            assertThat(r.message()).isEqualTo(TagRule.CHARACTERS);
        });
        assertThat(TagRule.checkTags(List.of(new Tag("k", text)))).isPresent();
        assertThat(TagRule.checkKeys(List.of(text))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws:team", "AWS:team", "Aws:x", "aWs:"})
    void theAwsPrefixInAnyCaseIsReservedInKeysAndValues(String text) {
        assertThat(TagRule.checkTags(List.of(new Tag(text, "v")))).hasValueSatisfying(r -> {
            assertThat(r.code()).isEqualTo(AwsErrorCode.INVALID_PARAMETER);
            assertThat(r.message()).isEqualTo(TagRule.RESERVED_PREFIX);
        });
        assertThat(TagRule.checkTags(List.of(new Tag("k", text)))).isPresent();
        assertThat(TagRule.checkKeys(List.of(text))).isPresent();
    }

    @Test
    void aKeyThatOnlyContainsAwsElsewhereIsAccepted() {
        assertThat(TagRule.checkTags(List.of(new Tag("my-aws:key", "aws")))).isEmpty();
    }

    @Test
    void absentListsAndValuesAreLeftToTheConstraints() {
        assertThat(TagRule.checkTags(null)).isEmpty();
        assertThat(TagRule.checkKeys(null)).isEmpty();
        assertThat(TagRule.checkTags(List.of(new Tag("k", null)))).isEmpty();
    }
}
