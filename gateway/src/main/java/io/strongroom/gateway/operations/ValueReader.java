package io.strongroom.gateway.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.error.RejectedException;
import io.strongroom.core.query.ReadModel;
import io.strongroom.core.secret.SecretState;
import io.strongroom.core.secret.SecretVersion;
import io.strongroom.core.secret.StagingLabels;
import io.strongroom.core.secret.ValueType;
import io.strongroom.gateway.protocol.WireJson;
import java.util.concurrent.CompletableFuture;

/**
 * Reading one version's value, as GetSecretValue and each entry of BatchGetSecretValue do: pick the
 * version (VersionId and/or VersionStage, default AWSCURRENT; both given must agree), decrypt it,
 * shape {@code {ARN, Name, VersionId, SecretString|SecretBinary, VersionStages, CreatedDate}}, and
 * report the read for LastAccessedDate.
 */
final class ValueReader {
    private final SecretValues values;
    private final AccessRecorder accesses;

    ValueReader(SecretValues values, AccessRecorder accesses) {
        this.values = values;
        this.accesses = accesses;
    }

    CompletableFuture<ObjectNode> read(ReadModel reader, SecretState state, String versionId, String stage) {
        SecretVersion version = select(state, versionId, stage);
        return values.open(reader, state, version).thenApply(value -> {
            ObjectNode response = SecretShapes.arnAndName(state).put("VersionId", version.versionId());
            if (value.type() == ValueType.BINARY) {
                response.put("SecretBinary", value.bytes());
            } else {
                response.put("SecretString", value.text());
            }
            response.set("VersionStages", SecretShapes.strings(version.stages()));
            response.set("CreatedDate", WireJson.timestamp(version.createdDate()));
            accesses.valueRead(reader, state.secretId());
            return response;
        });
    }

    static SecretVersion select(SecretState state, String versionId, String stage) {
        if (state.isScheduledForDeletion()) {
            throw new RejectedException(AwsErrorCode.INVALID_REQUEST, Messages.MARKED_FOR_DELETION);
        }
        if (versionId != null) {
            SecretVersion version = state.version(versionId).orElseThrow(() -> new RejectedException(
                    AwsErrorCode.RESOURCE_NOT_FOUND, Messages.valueNotFoundForVersion(versionId)));
            if (stage != null && !version.has(stage)) {
                throw new RejectedException(AwsErrorCode.INVALID_REQUEST, Messages.STAGE_NOT_ON_VERSION);
            }
            return version;
        }
        String wanted = stage != null ? stage : StagingLabels.CURRENT;
        return state.versionWithStage(wanted).orElseThrow(() -> new RejectedException(
                AwsErrorCode.RESOURCE_NOT_FOUND, Messages.valueNotFoundForStage(wanted)));
    }
}
