package io.strongroom.core.query;

import io.strongroom.core.secret.SecretState;
import java.util.List;

/** One page of ListSecrets; {@code nextToken} is null on the last page. */
public record SecretPage(List<SecretState> secrets, String nextToken) {
    public SecretPage {
        secrets = List.copyOf(secrets);
    }
}
