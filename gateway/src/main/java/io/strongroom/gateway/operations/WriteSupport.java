package io.strongroom.gateway.operations;

import io.strongroom.core.event.EventEnvelope;
import io.strongroom.core.event.Outcome;
import io.strongroom.core.event.VersionStagesSet;
import io.strongroom.core.secret.Tag;
import io.strongroom.core.validation.Constraints;
import io.strongroom.core.validation.RequestLimits;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Request-side helpers the write operations share. */
final class WriteSupport {
    private WriteSupport() {}

    /** The new version's id: the ClientRequestToken, or a fresh UUID when the client sent none. */
    static String versionId(String clientRequestToken) {
        return clientRequestToken != null ? clientRequestToken : UUID.randomUUID().toString();
    }

    static Constraints token(Constraints constraints, String token) {
        return constraints.length("clientRequestToken", token, RequestLimits.CLIENT_REQUEST_TOKEN_MIN,
                RequestLimits.CLIENT_REQUEST_TOKEN_MAX);
    }

    static Constraints secretId(Constraints constraints, String secretId) {
        return constraints.required("secretId", secretId).length("secretId", secretId, 1, RequestLimits.SECRET_ID_MAX);
    }

    static Constraints tags(Constraints constraints, List<Tag> tags) {
        if (tags == null) {
            return constraints;
        }
        constraints.size("tags", tags, 0, RequestLimits.TAGS_MAX);
        for (int i = 0; i < tags.size(); i++) {
            String member = "tags." + (i + 1) + ".member.";
            constraints.required(member + "key", tags.get(i).key())
                    .length(member + "key", tags.get(i).key(), 1, RequestLimits.TAG_KEY_MAX)
                    .length(member + "value", tags.get(i).value(), 0, RequestLimits.TAG_VALUE_MAX);
        }
        return constraints;
    }

    static Constraints stages(Constraints constraints, String member, List<String> stages) {
        if (stages == null) {
            return constraints;
        }
        constraints.size(member, stages, 1, RequestLimits.VERSION_STAGES_MAX);
        for (int i = 0; i < stages.size(); i++) {
            constraints.length(member + "." + (i + 1) + ".member", stages.get(i), 1, RequestLimits.VERSION_STAGE_MAX);
        }
        return constraints;
    }

    /** The labels an applied outcome gave a version. */
    static Optional<List<String>> stagesSet(Outcome outcome, String versionId) {
        for (EventEnvelope event : outcome.events()) {
            if (event.payload() instanceof VersionStagesSet set && set.stagesByVersion().containsKey(versionId)) {
                return Optional.of(set.stagesByVersion().get(versionId));
            }
        }
        return Optional.empty();
    }
}
