package io.strongroom.core.policy;

import java.util.List;

/**
 * IAM's evaluation of an identity policy with a resource policy: an explicit Deny in either wins;
 * within one account an Allow in either grants (a resource-policy grant to the account as a whole
 * leaves the decision to the identity policy); across accounts both must allow; anything else is an
 * implicit deny.
 */
public final class AccessEvaluator {
    /** The actions IAM authorizes against resource {@code *}: they name no particular secret. */
    public static final List<String> ACTIONS_ON_NO_SECRET = List.of("secretsmanager:ListSecrets",
            "secretsmanager:GetRandomPassword", "secretsmanager:BatchGetSecretValue",
            "secretsmanager:ValidateResourcePolicy");

    private AccessEvaluator() {}

    /**
     * @param resourcePolicy the secret's policy, or null (no secret, or none attached)
     * @param resourceAccount the account owning the resource; null for actions on no particular secret
     */
    public static AccessDecision decide(RequestContext context, PolicyDocument identityPolicy,
            PolicyDocument resourcePolicy, String resourceAccount) {
        PolicyEvaluator.Result identity = PolicyEvaluator.identity(identityPolicy, context);
        PolicyEvaluator.Result resource = resourcePolicy == null
                ? PolicyEvaluator.Result.NONE : PolicyEvaluator.resource(resourcePolicy, context);
        if (identity == PolicyEvaluator.Result.DENY) {
            return AccessDecision.EXPLICIT_DENY_IN_IDENTITY_POLICY;
        }
        if (resource == PolicyEvaluator.Result.DENY) {
            return AccessDecision.EXPLICIT_DENY_IN_RESOURCE_POLICY;
        }
        boolean identityAllows = identity == PolicyEvaluator.Result.ALLOW;
        if (resourceAccount == null || resourceAccount.equals(context.principalAccount())) {
            return identityAllows || resource == PolicyEvaluator.Result.ALLOW
                    ? AccessDecision.ALLOWED : AccessDecision.NO_IDENTITY_POLICY_ALLOWS;
        }
        if (!identityAllows) {
            return AccessDecision.NO_IDENTITY_POLICY_ALLOWS;
        }
        return resource == PolicyEvaluator.Result.NONE
                ? AccessDecision.NO_RESOURCE_POLICY_ALLOWS : AccessDecision.ALLOWED;
    }

    /**
     * The identity policy of an identity that has none configured: every Secrets Manager action on
     * the secrets of its own account, and the actions that name no secret.
     */
    public static PolicyDocument defaultIdentityPolicy(String accountId) {
        Statement ownSecrets = new Statement("OwnAccountSecrets", Effect.ALLOW, null, false,
                List.of("secretsmanager:*"), false, List.of("arn:aws:secretsmanager:*:" + accountId + ":secret:*"),
                false, List.of());
        Statement noSecret = new Statement("ActionsOnNoSecret", Effect.ALLOW, null, false, ACTIONS_ON_NO_SECRET,
                false, List.of("*"), false, List.of());
        return new PolicyDocument(PolicyParser.VERSION_2012, List.of(ownSecrets, noSecret));
    }
}
