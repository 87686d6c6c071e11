package io.strongroom.core.policy;

/**
 * Evaluates one policy against a request: DENY if any matching statement denies, else ALLOW if one
 * allows, else NONE (no statement applies). For a resource policy the statement must also name the
 * caller as principal; an Allow that names the caller only through its whole account is reported
 * as {@link Result#ALLOW_ACCOUNT}, since IAM lets such a grant stand for a same-account caller
 * only together with the caller's identity policy.
 */
public final class PolicyEvaluator {

    public enum Result {
        DENY,
        ALLOW,
        ALLOW_ACCOUNT,
        NONE
    }

    private PolicyEvaluator() {}

    public static Result identity(PolicyDocument policy, RequestContext context) {
        return evaluate(policy, context, false);
    }

    public static Result resource(PolicyDocument policy, RequestContext context) {
        return evaluate(policy, context, true);
    }

    private static Result evaluate(PolicyDocument policy, RequestContext context, boolean needsPrincipal) {
        Result result = Result.NONE;
        for (Statement statement : policy.statements()) {
            Principals.Match named = needsPrincipal ? principalMatch(statement, context) : Principals.Match.DIRECT;
            if (named == Principals.Match.NONE || !statement.coversAction(context.action())
                    || !statement.coversResource(context.resource())
                    || !statement.conditions().stream().allMatch(c -> c.holds(context))) {
                continue;
            }
            if (statement.effect() == Effect.DENY) {
                return Result.DENY;
            }
            if (named == Principals.Match.DIRECT) {
                result = Result.ALLOW;
            } else if (result == Result.NONE) {
                result = Result.ALLOW_ACCOUNT;
            }
        }
        return result;
    }

    private static Principals.Match principalMatch(Statement statement, RequestContext context) {
        if (statement.principals() == null) {
            return Principals.Match.NONE;
        }
        Principals.Match match = statement.principals().match(context.principalArn(), context.principalAccount());
        if (!statement.notPrincipal()) {
            return match;
        }
        return match == Principals.Match.NONE ? Principals.Match.DIRECT : Principals.Match.NONE;
    }
}
