package io.strongroom.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.policy.PolicyEvaluator.Result;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PolicyEvaluatorTest {
    static final String OWNER = "111111111111";
    static final String OTHER = "222222222222";
    static final String ALICE = "arn:aws:iam::" + OTHER + ":user/alice";
    static final String SECRET = "arn:aws:secretsmanager:us-east-1:" + OWNER + ":secret:app/db-AbCdEf";
    static final String GET = "secretsmanager:GetSecretValue";

    static PolicyDocument resource(String json) {
        ParsedPolicy parsed = PolicyParser.resourcePolicy(json);
        assertThat(parsed.problems()).isEmpty();
        return parsed.document();
    }

    static PolicyDocument identity(String json) {
        ParsedPolicy parsed = PolicyParser.identityPolicy(json);
        assertThat(parsed.problems()).isEmpty();
        return parsed.document();
    }

    static RequestContext alice(String action, String resource) {
        return RequestContext.of(ALICE, OTHER, action, resource);
    }

    static String statement(String principal, String effect, String action, String resource) {
        return "{\"Statement\": {\"Effect\": \"" + effect + "\", \"Principal\": " + principal + ", \"Action\": \""
                + action + "\", \"Resource\": \"" + resource + "\"}}";
    }

    @Nested
    class Principals {
        @Test
        void anAccountIdNamesEveryPrincipalOfTheAccountAsAWhole() {
            assertThat(PolicyEvaluator.resource(resource(statement("{\"AWS\": \"" + OTHER + "\"}", "Allow", GET, "*")),
                    alice(GET, SECRET))).isEqualTo(Result.ALLOW_ACCOUNT);
        }

        @Test
        void theAccountRootArnNamesTheAccountAsAWhole() {
            assertThat(PolicyEvaluator.resource(resource(statement(
                    "{\"AWS\": \"arn:aws:iam::" + OTHER + ":root\"}", "Allow", GET, "*")), alice(GET, SECRET)))
                    .isEqualTo(Result.ALLOW_ACCOUNT);
        }

        @Test
        void theCallersOwnArnNamesItDirectly() {
            assertThat(PolicyEvaluator.resource(resource(statement("{\"AWS\": [\"" + OWNER + "\", \"" + ALICE + "\"]}",
                    "Allow", GET, "*")), alice(GET, SECRET))).isEqualTo(Result.ALLOW);
        }

        @Test
        void starNamesEveryone() {
            assertThat(PolicyEvaluator.resource(resource(statement("\"*\"", "Allow", GET, "*")), alice(GET, SECRET)))
                    .isEqualTo(Result.ALLOW);
            assertThat(PolicyEvaluator.resource(resource(statement("{\"AWS\": \"*\"}", "Allow", GET, "*")),
                    alice(GET, SECRET))).isEqualTo(Result.ALLOW);
        }

        @Test
        void anotherUserOrAccountDoesNotNameTheCaller() {
            assertThat(PolicyEvaluator.resource(resource(statement(
                    "{\"AWS\": [\"" + OWNER + "\", \"arn:aws:iam::" + OTHER + ":user/bob\"]}", "Allow", GET, "*")),
                    alice(GET, SECRET))).isEqualTo(Result.NONE);
        }

        @Test
        void serviceprincipalsNeverMatchACaller() {
            assertThat(PolicyEvaluator.resource(resource(statement("{\"Service\": \"lambda.amazonaws.com\"}", "Allow",
                    GET, "*")), alice(GET, SECRET))).isEqualTo(Result.NONE);
        }

        @Test
        void notPrincipalAppliesToEveryoneElse() {
            String denyAllButOwner = "{\"Statement\": {\"Effect\": \"Deny\", \"NotPrincipal\": {\"AWS\": \"" + OWNER
                    + "\"}, \"Action\": \"*\", \"Resource\": \"*\"}}";
            assertThat(PolicyEvaluator.resource(resource(denyAllButOwner), alice(GET, SECRET))).isEqualTo(Result.DENY);
            assertThat(PolicyEvaluator.resource(resource(denyAllButOwner),
                    RequestContext.of("arn:aws:iam::" + OWNER + ":root", OWNER, GET, SECRET))).isEqualTo(Result.NONE);
        }

        @Test
        void aResourcePolicyStatementWithoutPrincipalMatchesNobody() {
            PolicyDocument noPrincipal = identity("{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}}");
            assertThat(PolicyEvaluator.resource(noPrincipal, alice(GET, SECRET))).isEqualTo(Result.NONE);
        }
    }

    @Nested
    class ActionsAndResources {
        @Test
        void actionsMatchCaseInsensitivelyWithWildcards() {
            PolicyDocument policy = identity("{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"SecretsManager:get*\", \"Resource\": \"*\"}}");
            assertThat(PolicyEvaluator.identity(policy, alice(GET, SECRET))).isEqualTo(Result.ALLOW);
            assertThat(PolicyEvaluator.identity(policy, alice("secretsmanager:PutSecretValue", SECRET))).isEqualTo(Result.NONE);
        }

        @Test
        void notActionCoversEveryOtherAction() {
            PolicyDocument policy = identity("{\"Statement\": {\"Effect\": \"Allow\", \"NotAction\": \"secretsmanager:Delete*\", \"Resource\": \"*\"}}");
            assertThat(PolicyEvaluator.identity(policy, alice(GET, SECRET))).isEqualTo(Result.ALLOW);
            assertThat(PolicyEvaluator.identity(policy, alice("secretsmanager:DeleteSecret", SECRET))).isEqualTo(Result.NONE);
        }

        @Test
        void resourcesMatchCaseSensitivelyWithWildcards() {
            PolicyDocument policy = identity("{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": "
                    + "\"arn:aws:secretsmanager:*:" + OWNER + ":secret:app/*\"}}");
            assertThat(PolicyEvaluator.identity(policy, alice(GET, SECRET))).isEqualTo(Result.ALLOW);
            assertThat(PolicyEvaluator.identity(policy, alice(GET, SECRET.replace("app/", "App/")))).isEqualTo(Result.NONE);
            assertThat(PolicyEvaluator.identity(policy, alice(GET, "*"))).isEqualTo(Result.NONE);
        }

        @Test
        void notResourceCoversEveryOtherResource() {
            PolicyDocument policy = identity("{\"Statement\": {\"Effect\": \"Deny\", \"Action\": \"*\", \"NotResource\": \"" + SECRET + "\"}}");
            assertThat(PolicyEvaluator.identity(policy, alice(GET, SECRET))).isEqualTo(Result.NONE);
            assertThat(PolicyEvaluator.identity(policy, alice(GET, SECRET + "x"))).isEqualTo(Result.DENY);
        }

        @Test
        void aDenyAnywhereInThePolicyWinsOverItsAllows() {
            PolicyDocument policy = identity("{\"Statement\": ["
                    + "{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"},"
                    + "{\"Effect\": \"Deny\", \"Action\": \"" + GET + "\", \"Resource\": \"*\"},"
                    + "{\"Effect\": \"Allow\", \"Action\": \"" + GET + "\", \"Resource\": \"*\"}]}");
            assertThat(PolicyEvaluator.identity(policy, alice(GET, SECRET))).isEqualTo(Result.DENY);
            assertThat(PolicyEvaluator.identity(policy, alice("secretsmanager:DescribeSecret", SECRET))).isEqualTo(Result.ALLOW);
        }
    }
}
