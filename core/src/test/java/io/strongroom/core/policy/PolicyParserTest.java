package io.strongroom.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyParserTest {

    @Test
    void readsAStatementArrayWithEveryElement() {
        ParsedPolicy parsed = PolicyParser.resourcePolicy("""
                {"Version": "2012-10-17", "Id": "p1", "Statement": [{
                  "Sid": "Share", "Effect": "Allow",
                  "Principal": {"AWS": ["123456789012", "arn:aws:iam::210987654321:role/app"]},
                  "Action": ["secretsmanager:GetSecretValue", "secretsmanager:Describe*"],
                  "Resource": "*",
                  "Condition": {"StringEquals": {"aws:PrincipalAccount": "123456789012"},
                                "NumericLessThan": {"some:Number": 5}}
                }]}""");

        assertThat(parsed.valid()).as("problems %s", parsed.problems()).isTrue();
        Statement statement = parsed.document().statements().get(0);
        assertThat(statement.sid()).isEqualTo("Share");
        assertThat(statement.effect()).isEqualTo(Effect.ALLOW);
        assertThat(statement.principals().aws()).containsExactly("123456789012", "arn:aws:iam::210987654321:role/app");
        assertThat(statement.actions()).containsExactly("secretsmanager:GetSecretValue", "secretsmanager:Describe*");
        assertThat(statement.resources()).containsExactly("*");
        assertThat(statement.conditions()).extracting(Condition::key)
                .containsExactly("aws:principalaccount", "some:number");
        assertThat(statement.conditions().get(1).values()).containsExactly("5");
    }

    @Test
    void aSingleStatementObjectIsAStatement() {
        ParsedPolicy parsed = PolicyParser.resourcePolicy("""
                {"Statement": {"Effect": "Deny", "Principal": "*", "NotAction": "secretsmanager:Get*", "NotResource": "*"}}""");

        assertThat(parsed.valid()).isTrue();
        Statement statement = parsed.document().statements().get(0);
        assertThat(statement.principals().anyone()).isTrue();
        assertThat(statement.notAction()).isTrue();
        assertThat(statement.notResource()).isTrue();
    }

    @Test
    void notPrincipalIsRead() {
        ParsedPolicy parsed = PolicyParser.resourcePolicy("""
                {"Statement": {"Effect": "Deny", "NotPrincipal": {"AWS": "123456789012"}, "Action": "*", "Resource": "*"}}""");

        assertThat(parsed.valid()).isTrue();
        assertThat(parsed.document().statements().get(0).notPrincipal()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "{\"Statement\": [", "[]", "\"text\"", "42",
            "{\"Statement\": {}, \"Statement\": {}}"})
    void textThatIsNotAJsonObjectIsMalformed(String text) {
        ParsedPolicy parsed = PolicyParser.resourcePolicy(text);

        assertThat(parsed.malformed()).isTrue();
        assertThat(parsed.problems()).containsExactly(PolicyParser.SYNTAX_ERROR);
    }

    @Test
    void nullIsMalformed() {
        assertThat(PolicyParser.resourcePolicy(null).malformed()).isTrue();
    }

    @Test
    void namesEveryProblemOfAJsonPolicy() {
        ParsedPolicy parsed = PolicyParser.resourcePolicy("""
                {"Version": "2000-01-01", "Extra": 1, "Statement": [
                  {"Effect": "allow", "Principal": "*", "Action": "*", "Resource": "*"},
                  {"Effect": "Allow", "Action": "*", "Resource": "*"},
                  {"Effect": "Allow", "Principal": "*", "Resource": "*"},
                  {"Effect": "Allow", "Principal": "*", "Action": "GetSecretValue", "Resource": "secret"},
                  {"Effect": "Allow", "Principal": "*", "Action": "*", "NotAction": "*", "Resource": "*"},
                  {"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*", "Condition": {"StringSortOf": {"k": "v"}}},
                  {"Effect": "Allow", "Principal": {"AWS": "bob"}, "Action": "*", "Resource": "*"},
                  {"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": "nope"}}},
                  "not an object"
                ]}""");

        assertThat(parsed.malformed()).isFalse();
        assertThat(parsed.valid()).isFalse();
        assertThat(parsed.problems()).containsExactly(
                "policy has the unknown element Extra.",
                "The policy Version 2000-01-01 is not supported; use 2012-10-17.",
                "Statement 1 has an invalid Effect; use Allow or Deny.",
                "Statement 2 is missing the Principal element.",
                "Statement 3 is missing the Action element.",
                "Statement 4 has an invalid action GetSecretValue.",
                "Statement 4 has an invalid resource secret.",
                "Statement 5 has both Action and NotAction.",
                "Statement 6 uses the unsupported condition operator StringSortOf.",
                PolicyParser.UNSUPPORTED_PRINCIPAL,
                "Statement 8 has an invalid IP address range nope.",
                "Statement 9 must be a JSON object.");
    }

    @Test
    void aPolicyWithoutStatementsHasAProblem() {
        assertThat(PolicyParser.resourcePolicy("{\"Version\": \"2012-10-17\"}").problems())
                .containsExactly("The policy must contain at least one Statement.");
        assertThat(PolicyParser.resourcePolicy("{\"Statement\": []}").problems())
                .containsExactly("The policy must contain at least one Statement.");
    }

    @Test
    void anIdentityPolicyNamesNoPrincipal() {
        assertThat(PolicyParser.identityPolicy("""
                {"Statement": {"Effect": "Allow", "Action": "secretsmanager:*", "Resource": "*"}}""").valid()).isTrue();
        assertThat(PolicyParser.identityPolicy("""
                {"Statement": {"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}}""").problems())
                .containsExactly("Statement 1 has a Principal element, which an identity-based policy cannot have.");
    }

    @Test
    void otherPrincipalTypesAreAcceptedButUnknownOnesAreNot() {
        assertThat(PolicyParser.resourcePolicy("""
                {"Statement": {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "*", "Resource": "*"}}""")
                .valid()).isTrue();
        assertThat(PolicyParser.resourcePolicy("""
                {"Statement": {"Effect": "Allow", "Principal": {"Robot": "r2"}, "Action": "*", "Resource": "*"}}""")
                .problems()).containsExactly(PolicyParser.UNSUPPORTED_PRINCIPAL);
    }

    @Test
    void anEmptyPrincipalListIsUnsupported() {
        assertThat(PolicyParser.resourcePolicy("""
                {"Statement": {"Effect": "Allow", "Principal": {"AWS": []}, "Action": "*", "Resource": "*"}}""")
                .problems()).containsExactly(PolicyParser.UNSUPPORTED_PRINCIPAL);
    }

    @Test
    void conditionOperatorsWithQualifiersAndIfExistsAreKnown() {
        for (String operator : List.of("StringEqualsIgnoreCase", "StringNotLikeIfExists", "ForAnyValue:StringLike",
                "ForAllValues:StringEquals", "ArnLike", "ArnNotEquals", "Bool", "BoolIfExists", "NumericGreaterThanEquals",
                "DateLessThan", "DateGreaterThanIfExists", "IpAddress", "NotIpAddress", "Null")) {
            assertThat(ConditionOperator.parse(operator)).as(operator).isPresent();
        }
        assertThat(ConditionOperator.parse("NullIfExists")).isEmpty();
        assertThat(ConditionOperator.parse("IfExists")).isEmpty();
        assertThat(ConditionOperator.parse("ForSomeValues:StringLike")).isEmpty();
    }
}
