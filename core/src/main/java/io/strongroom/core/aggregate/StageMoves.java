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
 * it, and when AWSCURRENT moves, the version that held it becomes AWSPREVIOUS. The first version of
 * a secret always gets AWSCURRENT, whatever labels were asked (as AWS does for PutSecretValue). A
 * label the target already holds stays where it is in its list.
 */
final class StageMoves {
    private StageMoves() {}

    /** The new label lists of every version whose labels change (the target always included). */
    static Map<String, List<String>> attach(SecretState state, String targetVersionId, List<String> requested) {
        List<String> labels = new ArrayList<>(requested);
        if (state.versions().isEmpty() && !labels.contains(StagingLabels.CURRENT)) {
            labels.add(StagingLabels.CURRENT);
        }
        String oldCurrent = state.versionWithStage(StagingLabels.CURRENT).map(SecretVersion::versionId).orElse(null);
        boolean currentMoves = labels.contains(StagingLabels.CURRENT) && oldCurrent != null
                && !oldCurrent.equals(targetVersionId);

        // Only the target and the versions holding a label that moves can change: a busy secret has up to
        // 100 versions, most of them without labels, and this runs for every put.
        Map<String, List<String>> before = new LinkedHashMap<>();
        for (SecretVersion v : state.versions().values()) {
            if (v.versionId().equals(targetVersionId) || holdsAny(v, labels)
                    || (currentMoves && v.has(StagingLabels.PREVIOUS))) {
                before.put(v.versionId(), v.stages());
            }
        }
        before.putIfAbsent(targetVersionId, List.of());

        Map<String, List<String>> after = new LinkedHashMap<>();
        before.forEach((id, stages) -> after.put(id, new ArrayList<>(stages)));
        List<String> target = after.get(targetVersionId);
        for (String label : labels) {
            after.values().stream().filter(stages -> stages != target).forEach(stages -> stages.remove(label));
            if (!target.contains(label)) {
                target.add(label);
            }
        }
        if (currentMoves) {
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

    private static boolean holdsAny(SecretVersion version, List<String> labels) {
        List<String> stages = version.stages();
        for (int i = 0; i < stages.size(); i++) { // indexed: no iterator for each of up to 100 versions
            if (labels.contains(stages.get(i))) {
                return true;
            }
        }
        return false;
    }
}
