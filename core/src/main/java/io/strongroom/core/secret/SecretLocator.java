package io.strongroom.core.secret;

import io.strongroom.core.arn.SecretArn;
import java.util.Optional;

/**
 * Resolves a SecretId as clients give it — a name, a partial ARN (no suffix) or a full ARN — to the
 * live incarnation it names. Pure: the caller supplies the name lookup over its own state.
 *
 * <p>A full ARN must carry the current incarnation's suffix, so the ARN of a purged secret does not
 * reach a newer secret of the same name. A name that itself ends in six characters after a hyphen is
 * still found by name through the partial-ARN rule.
 */
public final class SecretLocator {

    /** Looks up the live (not purged) incarnation that holds a name in an account. */
    @FunctionalInterface
    public interface NameLookup {
        Optional<SecretState> find(String account, String name);
    }

    private SecretLocator() {}

    public static Optional<SecretState> locate(String callerAccount, String region, String secretId, NameLookup names) {
        if (!SecretArn.looksLikeArn(secretId)) {
            return names.find(callerAccount, secretId);
        }
        Optional<SecretArn.Parsed> parsed = SecretArn.parse(secretId);
        if (parsed.isEmpty() || !parsed.get().region().equals(region)) {
            return Optional.empty();
        }
        String account = parsed.get().account();
        String resource = parsed.get().resource();
        int dash = resource.lastIndexOf('-');
        if (dash > 0 && resource.length() - dash - 1 == 6) {
            String suffix = resource.substring(dash + 1);
            Optional<SecretState> full = names.find(account, resource.substring(0, dash))
                    .filter(s -> SecretArn.suffixOf(s.secretId()).equals(suffix));
            if (full.isPresent()) {
                return full;
            }
        }
        return names.find(account, resource);
    }

    /** The secret's ARN in its own region. */
    public static String arnOf(SecretState state) {
        return SecretArn.of(state.region(), state.account(), state.name(), state.secretId()).toString();
    }
}
