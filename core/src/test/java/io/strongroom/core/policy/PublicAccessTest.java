package io.strongroom.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublicAccessTest {

    static boolean broad(String statement) {
        ParsedPolicy parsed = PolicyParser.resourcePolicy("{\"Version\": \"2012-10-17\", \"Statement\": " + statement + "}");
        assertThat(parsed.problems()).isEmpty();
        return PublicAccess.grantsBroadAccess(parsed.document());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"secretsmanager:GetSecretValue\", \"Resource\": \"*\"}",
        "{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"*\"}, \"Action\": \"*\", \"Resource\": \"*\"}",
        "{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": [\"123456789012\", \"*\"]}, \"Action\": \"*\", \"Resource\": \"*\"}",
        "{\"Effect\": \"Allow\", \"NotPrincipal\": {\"AWS\": \"123456789012\"}, \"Action\": \"*\", \"Resource\": \"*\"}",
        "{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"*\", \"Resource\": \"*\", \"Condition\": {\"StringEquals\": {\"aws:PrincipalAccount\": \"*\"}}}",
        "{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"*\", \"Resource\": \"*\", \"Condition\": {\"StringNotEquals\": {\"aws:PrincipalAccount\": \"123456789012\"}}}",
        "{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"*\", \"Resource\": \"*\", \"Condition\": {\"StringEqualsIfExists\": {\"aws:PrincipalAccount\": \"123456789012\"}}}",
        "{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"*\", \"Resource\": \"*\", \"Condition\": {\"Bool\": {\"aws:SecureTransport\": \"true\"}}}",
        "{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"*\", \"Resource\": \"*\", \"Condition\": {\"IpAddress\": {\"aws:SourceIp\": \"0.0.0.0/0\"}}}",
    })
    void anAllowToEveryoneWithoutANarrowingConditionIsBroad(String statement) {
        assertThat(broad(statement)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"123456789012\"}, \"Action\": \"*\", \"Resource\": \"*\"}",
        "{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"arn:aws:iam::123456789012:role/app\"}, \"Action\": \"*\", \"Resource\": \"*\"}",
        "{\"Effect\": \"Deny\", \"Principal\": \"*\", \"Action\": \"*\", \"Resource\": \"*\"}",
        "{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"*\", \"Resource\": \"*\", \"Condition\": {\"StringEquals\": {\"aws:PrincipalAccount\": \"123456789012\"}}}",
        "{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"*\", \"Resource\": \"*\", \"Condition\": {\"StringEquals\": {\"aws:PrincipalOrgID\": \"o-abc\"}}}",
        "{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"*\", \"Resource\": \"*\", \"Condition\": {\"ArnLike\": {\"aws:PrincipalArn\": \"arn:aws:iam::123456789012:role/*\"}}}",
        "{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"*\", \"Resource\": \"*\", \"Condition\": {\"StringEquals\": {\"aws:SourceVpce\": \"vpce-1\"}}}",
        "{\"Effect\": \"Allow\", \"Principal\": {\"Service\": \"lambda.amazonaws.com\"}, \"Action\": \"*\", \"Resource\": \"*\"}",
    })
    void anAllowToKnownPrincipalsOrNarrowedByConditionIsNotBroad(String statement) {
        assertThat(broad(statement)).isFalse();
    }
}
