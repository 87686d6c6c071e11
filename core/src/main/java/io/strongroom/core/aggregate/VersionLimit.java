package io.strongroom.core.aggregate;

import io.strongroom.core.secret.SecretState;
import io.strongroom.core.secret.SecretVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The version quota: a secret holds at most {@value #MAX_VERSIONS} versions. Adding one beyond that
 * removes the oldest deprecated versions (no staging label once the new version's labels have moved)
 * created at least {@link #MIN_AGE} ago, as AWS does; a version younger than that is never removed,
 * so when too few qualify the new version is refused (LimitExceededException).
 */
final class VersionLimit {
    static final int MAX_VERSIONS = 100;
    static final Duration MIN_AGE = Duration.ofHours(24);
    static final String TOO_MANY_VERSIONS = "The secret already has the maximum number of versions ("
            + MAX_VERSIONS + ") and none can be removed: only versions without staging labels that are more "
            + "than 24 hours old are removed.";

    private VersionLimit() {}

    /**
     * @param stagesAfter the new label lists of the versions whose labels the new version changes
     * @return the versions to remove so the new one fits (often none), or empty if it cannot fit
     */
    static Optional<List<String>> toRemove(SecretState state, Map<String, List<String>> stagesAfter, Instant now) {
        int excess = state.versions().size() + 1 - MAX_VERSIONS;
        if (excess <= 0) {
            return Optional.of(List.of());
        }
        List<String> removable = state.versions().values().stream()
                .filter(v -> stagesAfter.getOrDefault(v.versionId(), v.stages()).isEmpty())
                .filter(v -> !v.createdDate().plus(MIN_AGE).isAfter(now))
                .sorted(Comparator.comparing(SecretVersion::createdDate))
                .map(SecretVersion::versionId)
                .toList();
        if (removable.size() < excess) {
            return Optional.empty();
        }
        return Optional.of(removable.subList(0, excess));
    }
}
