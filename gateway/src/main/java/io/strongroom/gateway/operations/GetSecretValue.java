package io.strongroom.gateway.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strongroom.core.query.ReadModel;
import io.strongroom.core.validation.Constraints;
import io.strongroom.core.validation.RequestLimits;
import io.strongroom.core.validation.SecretNameRule;
import io.strongroom.gateway.auth.Caller;
import io.strongroom.gateway.protocol.JsonRequest;
import java.util.concurrent.CompletableFuture;

/**
 * GetSecretValue: the version named by VersionId and/or VersionStage (default AWSCURRENT),
 * decrypted here. A secret scheduled for deletion is an InvalidRequestException; a VersionStage not
 * on the given VersionId too; a version whose data key is gone is a DecryptionFailure. Response:
 * {@code {ARN, Name, VersionId, SecretString|SecretBinary, VersionStages, CreatedDate}}.
 */
public final class GetSecretValue implements Operation {
    private final OperationContext context;
    private final ValueReader reads;

    public GetSecretValue(OperationContext context, SecretValues values) {
        this(context, new ValueReader(values, new AccessRecorder(context.clock())));
    }

    GetSecretValue(OperationContext context, ValueReader reads) {
        this.context = context;
        this.reads = reads;
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
        return context.resolve(reader, caller, request.origin(), secretId, name())
                .thenCompose(state -> reads.read(reader, state, versionId, stage));
    }
}
