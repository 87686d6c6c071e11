package io.strongroom.gateway.authz;

import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.error.RejectedException;
import io.strongroom.core.policy.AccessDecision;
import io.strongroom.core.policy.AccessEvaluator;
import io.strongroom.core.policy.ParsedPolicy;
import io.strongroom.core.policy.PolicyDocument;
import io.strongroom.core.policy.PolicyParser;
import io.strongroom.core.policy.RequestContext;
import io.strongroom.core.secret.SecretLocator;
import io.strongroom.core.secret.SecretState;
import io.strongroom.gateway.auth.Caller;
import io.strongroom.gateway.protocol.RequestOrigin;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a caller may perform {@code secretsmanager:<Operation>} on a resource, with IAM
 * semantics over the caller's identity policy and the secret's resource policy (see
 * {@link AccessEvaluator}); refuses with AccessDeniedException in AWS's words otherwise.
 *
 * <p>Fails closed: an identity policy or an attached resource policy that does not parse denies
 * everything it is consulted for (configuration and stored policies are validated before this, so
 * that means something is badly wrong).
 */
public final class Authorizer {
    private static final Logger LOG = LoggerFactory.getLogger(Authorizer.class);
    private static final String SERVICE_PREFIX = "secretsmanager:";

    private final Clock clock;
    private final PolicyCache identityPolicies = new PolicyCache(PolicyParser::identityPolicy);
    private final PolicyCache resourcePolicies = new PolicyCache(PolicyParser::resourcePolicy);
    /** The policy of identities configured without one, by account (a handful of accounts per gateway). */
    private final Map<String, PolicyDocument> defaultIdentityPolicies = new ConcurrentHashMap<>();

    public Authorizer(Clock clock) {
        this.clock = clock;
    }

    /** An operation on an existing secret: the identity policy together with the secret's policy. */
    public void requireAllowed(Caller caller, RequestOrigin origin, String operation, SecretState secret) {
        require(caller, origin, operation, SecretLocator.arnOf(secret), secret.account(), secret.resourcePolicy());
    }

    /** An operation on a secret that does not exist (yet): the identity policy and no resource policy. */
    public void requireAllowed(Caller caller, RequestOrigin origin, String operation, String resourceArn,
            String resourceAccount) {
        require(caller, origin, operation, resourceArn, resourceAccount, null);
    }

    /** An operation on no particular secret (ListSecrets, GetRandomPassword...): resource {@code *}. */
    public void requireAllowedOnNoSecret(Caller caller, RequestOrigin origin, String operation) {
        require(caller, origin, operation, "*", null, null);
    }

    private void require(Caller caller, RequestOrigin origin, String operation, String resource,
            String resourceAccount, String resourcePolicy) {
        String action = SERVICE_PREFIX + operation;
        AccessDecision decision = decide(caller, origin, action, resource, resourceAccount, resourcePolicy);
        if (!decision.allowed()) {
            LOG.debug("denied {} {} on {}: {}", caller.principalArn(), action, resource, decision);
            throw new RejectedException(AwsErrorCode.ACCESS_DENIED,
                    decision.message(caller.principalArn(), action, resource));
        }
    }

    private AccessDecision decide(Caller caller, RequestOrigin origin, String action, String resourceArn,
            String resourceAccount, String resourcePolicy) {
        PolicyDocument identity;
        if (caller.identityPolicy() == null) {
            identity = defaultIdentityPolicies.computeIfAbsent(caller.accountId(), AccessEvaluator::defaultIdentityPolicy);
        } else {
            ParsedPolicy parsed = identityPolicies.get(caller.identityPolicy());
            if (!parsed.valid()) {
                LOG.warn("identity policy of {} does not parse ({}): denying", caller.principalArn(), parsed.problems());
                return AccessDecision.NO_IDENTITY_POLICY_ALLOWS;
            }
            identity = parsed.document();
        }
        PolicyDocument resource = null;
        if (resourcePolicy != null) {
            ParsedPolicy parsed = resourcePolicies.get(resourcePolicy);
            if (!parsed.valid()) {
                LOG.warn("stored resource policy does not parse ({}): denying", parsed.problems());
                return AccessDecision.EXPLICIT_DENY_IN_RESOURCE_POLICY;
            }
            resource = parsed.document();
        }
        // condition keys are only read by Conditions: without any, the request's time, address... need not be built
        RequestContext context = identity.hasConditions() || (resource != null && resource.hasConditions())
                ? context(caller, origin, action, resourceArn)
                : new RequestContext(caller.principalArn(), caller.accountId(), action, resourceArn, Map.of());
        return AccessEvaluator.decide(context, identity, resource, resourceAccount);
    }

    /** All condition keys at once: one map, where a chain of {@code with} copied it once per key. */
    private RequestContext context(Caller caller, RequestOrigin origin, String action, String resource) {
        Instant now = clock.instant();
        Map<String, List<String>> keys = new HashMap<>();
        keys.put(RequestContext.PRINCIPAL_ACCOUNT, List.of(caller.accountId()));
        keys.put(RequestContext.PRINCIPAL_ARN, List.of(caller.principalArn()));
        keys.put(RequestContext.CURRENT_TIME, List.of(now.toString()));
        keys.put(RequestContext.EPOCH_TIME, List.of(Long.toString(now.getEpochSecond())));
        if (origin.sourceIp() != null) {
            keys.put(RequestContext.SOURCE_IP, List.of(origin.sourceIp()));
        }
        if (origin.secureTransport() != null) {
            keys.put(RequestContext.SECURE_TRANSPORT, List.of(origin.secureTransport().toString()));
        }
        if (!"*".equals(resource)) {
            keys.put(RequestContext.SECRET_ID, List.of(resource));
        }
        return new RequestContext(caller.principalArn(), caller.accountId(), action, resource, keys);
    }
}
