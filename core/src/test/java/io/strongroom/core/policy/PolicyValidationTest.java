package io.strongroom.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.core.policy.PolicyValidation.Finding;
import org.junit.jupiter.api.Test;

class PolicyValidationTest {

    @Test
    void aNarrowPolicyHasNoFindings() {
        assertThat(PolicyValidation.findings(PolicyParser.resourcePolicy("""
                {"Statement": {"Effect": "Allow", "Principal": {"AWS": "123456789012"}, "Action": "*", "Resource": "*"}}""")))
                .isEmpty();
    }

    @Test
    void everyGrammarProblemIsASyntaxFinding() {
        assertThat(PolicyValidation.findings(PolicyParser.resourcePolicy("""
                {"Statement": {"Effect": "Maybe", "Principal": "*", "Resource": "*"}}""")))
                .containsExactly(new Finding("SYNTAX_CHECK", "Statement 1 has an invalid Effect; use Allow or Deny."),
                        new Finding("SYNTAX_CHECK", "Statement 1 is missing the Action element."));
    }

    @Test
    void aBroadGrantIsABroadAccessFinding() {
        assertThat(PolicyValidation.findings(PolicyParser.resourcePolicy("""
                {"Statement": {"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}}""")))
                .containsExactly(new Finding("BROAD_ACCESS_CHECK", PublicAccess.BROAD_ACCESS));
    }

    @Test
    void aMalformedPolicyIsNotValidatedButRefused() {
        assertThatThrownBy(() -> PolicyValidation.findings(PolicyParser.resourcePolicy("nope")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
