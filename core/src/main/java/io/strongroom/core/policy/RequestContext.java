package io.strongroom.core.policy;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a policy is evaluated against: who asks, the action ({@code secretsmanager:GetSecretValue}),
 * the resource ARN ({@code *} for actions on no particular secret) and the condition keys with
 * their values (case-insensitive names; a multivalued key has several).
 */
public record RequestContext(String principalArn, String principalAccount, String action, String resource,
        Map<String, List<String>> keys) {

    public static final String PRINCIPAL_ACCOUNT = "aws:PrincipalAccount";
    public static final String PRINCIPAL_ARN = "aws:PrincipalArn";
    public static final String SOURCE_IP = "aws:SourceIp";
    public static final String CURRENT_TIME = "aws:CurrentTime";
    public static final String EPOCH_TIME = "aws:EpochTime";
    public static final String SECURE_TRANSPORT = "aws:SecureTransport";
    public static final String SECRET_ID = "secretsmanager:SecretId";

    public RequestContext {
        Map<String, List<String>> lowered = new HashMap<>();
        keys.forEach((key, values) -> lowered.put(key.toLowerCase(Locale.ROOT), List.copyOf(values)));
        keys = Map.copyOf(lowered);
    }

    /** The context with the keys every request carries: principal account and ARN. */
    public static RequestContext of(String principalArn, String principalAccount, String action, String resource) {
        return new RequestContext(principalArn, principalAccount, action, resource,
                Map.of(PRINCIPAL_ACCOUNT, List.of(principalAccount), PRINCIPAL_ARN, List.of(principalArn)));
    }

    /** A copy with one more key (a null value leaves the key absent). */
    public RequestContext with(String key, String value) {
        if (value == null) {
            return this;
        }
        Map<String, List<String>> more = new HashMap<>(keys);
        more.put(key.toLowerCase(Locale.ROOT), List.of(value));
        return new RequestContext(principalArn, principalAccount, action, resource, more);
    }

    public RequestContext forResource(String otherAction, String otherResource) {
        return new RequestContext(principalArn, principalAccount, otherAction, otherResource, keys);
    }

    List<String> values(String lowerCaseKey) {
        return keys.getOrDefault(lowerCaseKey, List.of());
    }
}
