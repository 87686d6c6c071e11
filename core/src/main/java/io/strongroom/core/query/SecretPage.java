package io.strongroom.core.query;

import io.strongroom.core.secret.SecretState;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One page of ListSecrets; {@code nextToken} is null on the last page. A filtered page may hold
 * fewer entries than asked for (even none) while {@code nextToken} leads on, as AWS documents.
 *
 * @param lastAccessed the day each listed secret was last read, by secretId; absent if never
 */
public record SecretPage(List<SecretState> secrets, String nextToken, Map<String, LocalDate> lastAccessed) {
    public SecretPage {
        secrets = List.copyOf(secrets);
        lastAccessed = lastAccessed == null ? Map.of() : Map.copyOf(lastAccessed);
    }

    public SecretPage(List<SecretState> secrets, String nextToken) {
        this(secrets, nextToken, Map.of());
    }
}
