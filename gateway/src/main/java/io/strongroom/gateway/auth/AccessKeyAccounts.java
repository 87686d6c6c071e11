package io.strongroom.gateway.auth;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The configured identities: access key id to account and principal. In dev mode a default
 * identity stands in for any unknown or missing key; otherwise there is none and such requests are
 * refused.
 */
public final class AccessKeyAccounts {

    /**
     * An account and the principal a key acts as, e.g. {@code arn:aws:iam::111122223333:user/app},
     * with its identity policy (JSON text; null for the default policy).
     */
    public record Identity(String accountId, String principalArn, String identityPolicy) {
        public Identity {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(principalArn, "principalArn");
        }

        public Identity(String accountId, String principalArn) {
            this(accountId, principalArn, null);
        }
    }

    private final Map<String, Identity> byAccessKey;
    private final Identity devDefault;

    private AccessKeyAccounts(Map<String, Identity> byAccessKey, Identity devDefault) {
        this.byAccessKey = Map.copyOf(byAccessKey);
        this.devDefault = devDefault;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<Identity> find(String accessKeyId) {
        return Optional.ofNullable(accessKeyId == null ? null : byAccessKey.get(accessKeyId));
    }

    /** The identity of unknown or unsigned requests in dev mode; empty outside dev mode. */
    public Optional<Identity> devDefault() {
        return Optional.ofNullable(devDefault);
    }

    @Override
    public String toString() {
        return "AccessKeyAccounts[" + byAccessKey.size() + " keys, devDefault=" + (devDefault != null) + "]";
    }

    public static final class Builder {
        private final Map<String, Identity> byAccessKey = new HashMap<>();
        private Identity devDefault;

        public Builder add(String accessKeyId, String accountId, String principalArn) {
            return add(accessKeyId, accountId, principalArn, null);
        }

        /** @param identityPolicy the identity's IAM policy (JSON text), or null for the default */
        public Builder add(String accessKeyId, String accountId, String principalArn, String identityPolicy) {
            byAccessKey.put(Objects.requireNonNull(accessKeyId, "accessKeyId"),
                    new Identity(accountId, principalArn, identityPolicy));
            return this;
        }

        /** Turns dev mode on: unknown or missing keys act as this identity. */
        public Builder devDefault(String accountId, String principalArn) {
            devDefault = new Identity(accountId, principalArn);
            return this;
        }

        public AccessKeyAccounts build() {
            return new AccessKeyAccounts(byAccessKey, devDefault);
        }
    }
}
