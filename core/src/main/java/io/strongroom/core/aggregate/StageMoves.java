package io.strongroom.core.aggregate;

import io.strongroom.core.secret.SecretState;
import io.strongroom.core.secret.SecretVersion;
import io.strongroom.core.secret.StagingLabels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How staging labels move when a version receives labels: each label leaves the version that had
 * it, and when AWSCURRENT moves, the version that held it becomes AWSPREVIOUS.
 */
final class StageMoves {
    private StageMoves() {}

    /** The new label lists of every version whose labels change (the target always included). */
    static Map<String, List<String>> attach(SecretState state, String targetVersionId, List<String> labels) {
        Map<String, List<String>> before = new LinkedHashMap<>();
        state.versions().values().forEach(v -> before.put(v.versionId(), v.stages()));
        before.putIfAbsent(targetVersionId, List.of());

        Map<String, List<String>> after = new LinkedHashMap<>();
        before.forEach((id, stages) -> after.put(id, new ArrayList<>(stages)));
        String oldCurrent = state.versionWithStage(StagingLabels.CURRENT).map(SecretVersion::versionId).orElse(null);

        for (String label : labels) {
            after.values().forEach(stages -> stages.remove(label));
            after.get(targetVersionId).add(label);
        }
        if (labels.contains(StagingLabels.CURRENT) && oldCurrent != null && !oldCurrent.equals(targetVersionId)) {
            after.values().forEach(stages -> stages.remove(StagingLabels.PREVIOUS));
            after.get(oldCurrent).add(StagingLabels.PREVIOUS);
        }

        Map<String, List<String>> changed = new LinkedHashMap<>();
        after.forEach((id, stages) -> {
            if (id.equals(targetVersionId) || !stages.equals(before.get(id))) {
                changed.put(id, List.copyOf(stages));
            }
        });
        return changed;
    }
}
