package io.strongroom.gateway.auth;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The configured identities by access key id. There is no default: an unknown key is refused. */
public final class AccessKeyAccounts {

    /**
     * An access key pair and who it acts as, e.g. principal {@code arn:aws:iam::111122223333:user/app}.
     *
     * @param identityPolicy the identity policy JSON; null for the default policy
     */
    public record Identity(String accessKeyId, String secretAccessKey, String accountId, String principalArn,
            String identityPolicy) {
        public Identity {
            Objects.requireNonNull(accessKeyId, "accessKeyId");
            Objects.requireNonNull(secretAccessKey, "secretAccessKey");
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(principalArn, "principalArn");
        }

        public Caller caller() {
            return new Caller(accountId, principalArn, accessKeyId, identityPolicy);
        }

        /** Never shows the secret access key. */
        @Override
        public String toString() {
            return "Identity[" + accessKeyId + " " + principalArn + "]";
        }
    }

    private final Map<String, Identity> byAccessKey;

    private AccessKeyAccounts(Map<String, Identity> byAccessKey) {
        this.byAccessKey = Map.copyOf(byAccessKey);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<Identity> find(String accessKeyId) {
        return Optional.ofNullable(accessKeyId == null ? null : byAccessKey.get(accessKeyId));
    }

    public int size() {
        return byAccessKey.size();
    }

    @Override
    public String toString() {
        return "AccessKeyAccounts[" + byAccessKey.size() + " keys]";
    }

    public static final class Builder {
        private final Map<String, Identity> byAccessKey = new HashMap<>();

        /** An identity with the default identity policy. */
        public Builder add(String accessKeyId, String secretAccessKey, String accountId, String principalArn) {
            return add(new Identity(accessKeyId, secretAccessKey, accountId, principalArn, null));
        }

        public Builder add(Identity identity) {
            if (byAccessKey.putIfAbsent(identity.accessKeyId(), identity) != null) {
                throw new IllegalArgumentException("access key id " + identity.accessKeyId() + " given twice");
            }
            return this;
        }

        public AccessKeyAccounts build() {
            return new AccessKeyAccounts(byAccessKey);
        }
    }
}
