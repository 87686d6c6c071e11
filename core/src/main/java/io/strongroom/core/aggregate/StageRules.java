package io.strongroom.core.aggregate;

import io.strongroom.core.command.UpdateSecretVersionStage;
import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.event.VersionStagesSet;
import io.strongroom.core.secret.SecretState;
import io.strongroom.core.secret.SecretVersion;
import io.strongroom.core.validation.RequestLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * UpdateSecretVersionStage: one label moves off RemoveFromVersionId and/or onto MoveToVersionId.
 *
 * <p>Edge cases, as AWS answers them: both ids must name versions of the secret
 * (InvalidParameterException otherwise); a label attached to another version can only be moved by
 * naming that version in RemoveFromVersionId; RemoveFromVersionId must hold the label; moving a
 * label onto the version that already holds it changes nothing. Moving AWSCURRENT puts AWSPREVIOUS on
 * the version it left ({@link StageMoves}); a version keeps its other labels, at most
 * {@value RequestLimits#VERSION_STAGES_MAX} in all (LimitExceededException beyond). Only removing a
 * label (no MoveToVersionId) moves nothing else, AWSCURRENT included.
 */
final class StageRules {
    static final String TOO_MANY_LABELS = "The request failed because a version can have at most "
            + RequestLimits.VERSION_STAGES_MAX + " staging labels.";

    private StageRules() {}

    static Decision move(UpdateSecretVersionStage command, SecretState state) {
        String label = command.versionStage();
        String removeFrom = command.removeFromVersionId();
        String moveTo = command.moveToVersionId();
        for (String versionId : new String[] {removeFrom, moveTo}) {
            if (versionId != null && state.version(versionId).isEmpty()) {
                return invalid(notAValidVersion(versionId));
            }
        }
        String holder = state.versionWithStage(label).map(SecretVersion::versionId).orElse(null);
        if (removeFrom != null && !removeFrom.equals(holder)) {
            return invalid(notOnRemoveFrom(label, removeFrom));
        }
        if (moveTo == null) {
            return removeFrom == null ? unchanged() : detach(state.version(removeFrom).orElseThrow(), label);
        }
        if (moveTo.equals(holder)) {
            return unchanged();
        }
        if (holder != null && removeFrom == null) {
            return invalid(mustNameHolder(label, holder));
        }
        Map<String, List<String>> changed = StageMoves.attach(state, moveTo, List.of(label));
        if (changed.get(moveTo).size() > RequestLimits.VERSION_STAGES_MAX) {
            return new Decision.Reject(AwsErrorCode.LIMIT_EXCEEDED.reject(TOO_MANY_LABELS));
        }
        return new Decision.Accept(List.of(new VersionStagesSet(changed)), List.of());
    }

    private static Decision detach(SecretVersion version, String label) {
        List<String> stages = new ArrayList<>(version.stages());
        stages.remove(label);
        return new Decision.Accept(List.of(new VersionStagesSet(Map.of(version.versionId(), stages))), List.of());
    }

    private static Decision unchanged() {
        return new Decision.Accept(List.of(), List.of());
    }

    private static Decision invalid(String message) {
        return new Decision.Reject(AwsErrorCode.INVALID_PARAMETER.reject(message));
    }

    static String notAValidVersion(String versionId) {
        return "Not a valid version: " + versionId;
    }

    static String mustNameHolder(String label, String holder) {
        return "The parameter RemoveFromVersionId can't be empty. Staging label " + label
                + " is currently attached to version " + holder
                + ", so you must explicitly reference that version in RemoveFromVersionId.";
    }

    static String notOnRemoveFrom(String label, String removeFrom) {
        return "Version stage " + label + " not found in version " + removeFrom;
    }
}
