package io.strongroom.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AccessEvaluatorTest {
    static final String OWNER = "111111111111";
    static final String OTHER = "222222222222";
    static final String OWNER_ROOT = "arn:aws:iam::" + OWNER + ":root";
    static final String OWNER_APP = "arn:aws:iam::" + OWNER + ":role/app";
    static final String ALICE = "arn:aws:iam::" + OTHER + ":user/alice";
    static final String SECRET = "arn:aws:secretsmanager:us-east-1:" + OWNER + ":secret:app/db-AbCdEf";
    static final String GET = "secretsmanager:GetSecretValue";

    static PolicyDocument resource(String json) {
        return PolicyParser.resourcePolicy(json).document();
    }

    static PolicyDocument identity(String json) {
        return PolicyParser.identityPolicy(json).document();
    }

    static String grant(String effect, String principal, String action) {
        return "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"" + effect + "\", \"Principal\": {\"AWS\": \""
                + principal + "\"}, \"Action\": \"" + action + "\", \"Resource\": \"*\"}}";
    }

    static final PolicyDocument ANYTHING = identity(
            "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"secretsmanager:*\", \"Resource\": \"*\"}}");
    static final PolicyDocument NOTHING = identity(
            "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\", \"Resource\": \"*\"}}");

    @Nested
    class SameAccount {
        final RequestContext owner = RequestContext.of(OWNER_ROOT, OWNER, GET, SECRET);

        @Test
        void theDefaultIdentityPolicyAllowsEveryActionOnTheAccountsOwnSecrets() {
            assertThat(AccessEvaluator.decide(owner, AccessEvaluator.defaultIdentityPolicy(OWNER), null, OWNER))
                    .isEqualTo(AccessDecision.ALLOWED);
        }

        @Test
        void theDefaultIdentityPolicyAllowsTheActionsOnNoSecret() {
            RequestContext list = RequestContext.of(OWNER_ROOT, OWNER, "secretsmanager:ListSecrets", "*");
            assertThat(AccessEvaluator.decide(list, AccessEvaluator.defaultIdentityPolicy(OWNER), null, null))
                    .isEqualTo(AccessDecision.ALLOWED);
        }

        @Test
        void withoutAnyAllowItIsAnImplicitDeny() {
            assertThat(AccessEvaluator.decide(owner, NOTHING, null, OWNER))
                    .isEqualTo(AccessDecision.NO_IDENTITY_POLICY_ALLOWS);
        }

        @Test
        void aResourcePolicyNamingThePrincipalAllowsWithoutAnIdentityAllow() {
            RequestContext app = RequestContext.of(OWNER_APP, OWNER, GET, SECRET);
            assertThat(AccessEvaluator.decide(app, NOTHING, resource(grant("Allow", OWNER_APP, GET)), OWNER))
                    .isEqualTo(AccessDecision.ALLOWED);
        }

        @Test
        void aResourcePolicyNamingOnlyTheAccountLeavesItToTheIdentityPolicy() {
            RequestContext app = RequestContext.of(OWNER_APP, OWNER, GET, SECRET);
            assertThat(AccessEvaluator.decide(app, NOTHING, resource(grant("Allow", OWNER, GET)), OWNER))
                    .isEqualTo(AccessDecision.NO_IDENTITY_POLICY_ALLOWS);
            assertThat(AccessEvaluator.decide(app, ANYTHING, resource(grant("Allow", OWNER, GET)), OWNER))
                    .isEqualTo(AccessDecision.ALLOWED);
        }

        @Test
        void anExplicitDenyInTheResourcePolicyBlocksTheOwner() {
            assertThat(AccessEvaluator.decide(owner, AccessEvaluator.defaultIdentityPolicy(OWNER),
                    resource(grant("Deny", OWNER, GET)), OWNER))
                    .isEqualTo(AccessDecision.EXPLICIT_DENY_IN_RESOURCE_POLICY);
        }

        @Test
        void anExplicitDenyInTheIdentityPolicyWinsOverAResourceAllow() {
            PolicyDocument denyGet = identity("{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"},"
                    + "{\"Effect\": \"Deny\", \"Action\": \"" + GET + "\", \"Resource\": \"*\"}]}");
            assertThat(AccessEvaluator.decide(owner, denyGet, resource(grant("Allow", OWNER_ROOT, GET)), OWNER))
                    .isEqualTo(AccessDecision.EXPLICIT_DENY_IN_IDENTITY_POLICY);
        }

        @Test
        void anIdentityDenyIsReportedBeforeAResourceDeny() {
            PolicyDocument denyAll = identity("{\"Statement\": {\"Effect\": \"Deny\", \"Action\": \"*\", \"Resource\": \"*\"}}");
            assertThat(AccessEvaluator.decide(owner, denyAll, resource(grant("Deny", OWNER, GET)), OWNER))
                    .isEqualTo(AccessDecision.EXPLICIT_DENY_IN_IDENTITY_POLICY);
        }
    }

    @Nested
    class CrossAccount {
        final RequestContext alice = RequestContext.of(ALICE, OTHER, GET, SECRET);

        @Test
        void theDefaultIdentityPolicyCoversOnlyTheCallersOwnAccount() {
            assertThat(AccessEvaluator.decide(alice, AccessEvaluator.defaultIdentityPolicy(OTHER),
                    resource(grant("Allow", ALICE, GET)), OWNER)).isEqualTo(AccessDecision.NO_IDENTITY_POLICY_ALLOWS);
        }

        @Test
        void anIdentityAllowAloneIsNotEnough() {
            assertThat(AccessEvaluator.decide(alice, ANYTHING, null, OWNER))
                    .isEqualTo(AccessDecision.NO_RESOURCE_POLICY_ALLOWS);
            assertThat(AccessEvaluator.decide(alice, ANYTHING, resource(grant("Allow", ALICE, "secretsmanager:DescribeSecret")), OWNER))
                    .isEqualTo(AccessDecision.NO_RESOURCE_POLICY_ALLOWS);
        }

        @Test
        void aResourceAllowAloneIsNotEnough() {
            assertThat(AccessEvaluator.decide(alice, NOTHING, resource(grant("Allow", ALICE, GET)), OWNER))
                    .isEqualTo(AccessDecision.NO_IDENTITY_POLICY_ALLOWS);
        }

        @Test
        void anAllowInBothGrants() {
            assertThat(AccessEvaluator.decide(alice, ANYTHING, resource(grant("Allow", ALICE, GET)), OWNER))
                    .isEqualTo(AccessDecision.ALLOWED);
        }

        @Test
        void aGrantToTheCallersWholeAccountIsEnoughWithItsIdentityAllow() {
            assertThat(AccessEvaluator.decide(alice, ANYTHING, resource(grant("Allow", OTHER, GET)), OWNER))
                    .isEqualTo(AccessDecision.ALLOWED);
            assertThat(AccessEvaluator.decide(alice, ANYTHING,
                    resource(grant("Allow", "arn:aws:iam::" + OTHER + ":root", GET)), OWNER))
                    .isEqualTo(AccessDecision.ALLOWED);
        }

        @Test
        void anExplicitDenyWinsOverAllowsInBoth() {
            String allowAndDeny = "{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"*\", \"Resource\": \"*\"},"
                    + "{\"Effect\": \"Deny\", \"Principal\": {\"AWS\": \"" + OTHER + "\"}, \"Action\": \"" + GET + "\", \"Resource\": \"*\"}]}";
            assertThat(AccessEvaluator.decide(alice, ANYTHING, resource(allowAndDeny), OWNER))
                    .isEqualTo(AccessDecision.EXPLICIT_DENY_IN_RESOURCE_POLICY);
        }

        @Test
        void conditionsOnTheRequestDecide() {
            String onlyFromOffice = "{\"Statement\": {\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"" + OTHER
                    + "\"}, \"Action\": \"*\", \"Resource\": \"*\", \"Condition\": {\"IpAddress\": {\"aws:SourceIp\": \"10.0.0.0/8\"}}}}";
            assertThat(AccessEvaluator.decide(alice.with(RequestContext.SOURCE_IP, "10.9.9.9"), ANYTHING,
                    resource(onlyFromOffice), OWNER)).isEqualTo(AccessDecision.ALLOWED);
            assertThat(AccessEvaluator.decide(alice.with(RequestContext.SOURCE_IP, "192.168.0.1"), ANYTHING,
                    resource(onlyFromOffice), OWNER)).isEqualTo(AccessDecision.NO_RESOURCE_POLICY_ALLOWS);
        }
    }

    @Test
    void theMessagesAreAwsWording() {
        assertThat(AccessDecision.NO_RESOURCE_POLICY_ALLOWS.message(ALICE, GET, SECRET)).isEqualTo("User: " + ALICE
                + " is not authorized to perform: secretsmanager:GetSecretValue on resource: " + SECRET
                + " because no resource-based policy allows the secretsmanager:GetSecretValue action");
        assertThat(AccessDecision.NO_IDENTITY_POLICY_ALLOWS.message(ALICE, GET, SECRET)).endsWith(
                " because no identity-based policy allows the secretsmanager:GetSecretValue action");
        assertThat(AccessDecision.EXPLICIT_DENY_IN_RESOURCE_POLICY.message(ALICE, GET, SECRET)).isEqualTo("User: "
                + ALICE + " is not authorized to perform: secretsmanager:GetSecretValue on resource: " + SECRET
                + " with an explicit deny in a resource-based policy");
        assertThat(AccessDecision.EXPLICIT_DENY_IN_IDENTITY_POLICY.message(ALICE, GET, SECRET))
                .endsWith(" with an explicit deny in an identity-based policy");
    }
}
