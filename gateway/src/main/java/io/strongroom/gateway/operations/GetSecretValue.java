package io.strongroom.gateway.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.error.RejectedException;
import io.strongroom.core.query.ReadModel;
import io.strongroom.core.secret.SecretState;
import io.strongroom.core.secret.SecretVersion;
import io.strongroom.core.secret.StagingLabels;
import io.strongroom.core.secret.ValueType;
import io.strongroom.core.validation.Constraints;
import io.strongroom.core.validation.RequestLimits;
import io.strongroom.core.validation.SecretNameRule;
import io.strongroom.gateway.auth.Caller;
import io.strongroom.gateway.protocol.JsonRequest;
import io.strongroom.gateway.protocol.WireJson;
import java.util.concurrent.CompletableFuture;

/**
 * GetSecretValue: the version named by VersionId and/or VersionStage (default AWSCURRENT),
 * decrypted here. A secret scheduled for deletion is an InvalidRequestException; a version whose
 * data key is gone is a DecryptionFailure. Response:
 * {@code {ARN, Name, VersionId, SecretString|SecretBinary, VersionStages, CreatedDate}}.
 */
public final class GetSecretValue implements Operation {
    private final OperationContext context;
    private final SecretValues values;

    public GetSecretValue(OperationContext context, SecretValues values) {
        this.context = context;
        this.values = values;
    }

    @Override
    public String name() {
        return "GetSecretValue";
    }

    @Override
    public CompletableFuture<ObjectNode> handle(Caller caller, JsonRequest request) {
        String secretId = request.string("SecretId");
        String versionId = request.string("VersionId");
        String stage = request.string("VersionStage");
        Constraints constraints = WriteSupport.secretId(new Constraints(), secretId)
                .length("versionId", versionId, RequestLimits.VERSION_ID_MIN, RequestLimits.VERSION_ID_MAX)
                .length("versionStage", stage, 1, RequestLimits.VERSION_STAGE_MAX);
        Checks.require(constraints, SecretNameRule.checkSecretId(secretId));

        ReadModel reader = context.reader();
        return context.resolve(reader, caller, request.origin(), secretId, name()).thenCompose(state -> {
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
                return response;
            });
        });
    }

    private static SecretVersion select(SecretState state, String versionId, String stage) {
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
