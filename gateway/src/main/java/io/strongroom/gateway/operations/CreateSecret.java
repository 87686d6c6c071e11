package io.strongroom.gateway.operations;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strongroom.core.arn.SecretArn;
import io.strongroom.core.command.NewValue;
import io.strongroom.core.crypto.MasterKey;
import io.strongroom.core.event.Outcome;
import io.strongroom.core.query.ReadModel;
import io.strongroom.core.replication.ReplicaRegion;
import io.strongroom.core.replication.ReplicaStatus;
import io.strongroom.core.replication.ReplicationState;
import io.strongroom.core.secret.Tag;
import io.strongroom.core.validation.Constraints;
import io.strongroom.core.validation.RequestLimits;
import io.strongroom.core.validation.SecretNameRule;
import io.strongroom.core.validation.TagRule;
import io.strongroom.gateway.auth.Caller;
import io.strongroom.gateway.crypto.SecretValue;
import io.strongroom.gateway.protocol.JsonRequest;
import io.strongroom.gateway.protocol.RequestOrigin;
import io.strongroom.gateway.protocol.WireJson;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * CreateSecret: a new incarnation with a fresh id (which the value's associated data binds), and a
 * first AWSCURRENT version if a value is given. A repeat with the same ClientRequestToken succeeds
 * if it carries the same value, else ResourceExistsException. AddReplicaRegions (with
 * ForceOverwriteReplicaSecret) makes it a primary replicating to those regions, each InProgress at
 * first. Response: {@code {ARN, Name, VersionId?, ReplicationStatus?}}.
 */
public final class CreateSecret implements Operation {
    private final OperationContext context;
    private final CommandSubmitter commands;
    private final SecretValues values;

    public CreateSecret(OperationContext context, CommandSubmitter commands, SecretValues values) {
        this.context = context;
        this.commands = commands;
        this.values = values;
    }

    @Override
    public String name() {
        return "CreateSecret";
    }

    @Override
    public CompletableFuture<ObjectNode> handle(Caller caller, JsonRequest request) {
        String name = request.string("Name");
        String token = request.string("ClientRequestToken");
        String description = request.string("Description");
        String kmsKeyId = request.string("KmsKeyId");
        List<Tag> tags = request.tags("Tags");
        ValueParameters value = ValueParameters.read(request);
        List<ReplicaRegion> replicaRegions = ReplicaRegions.read(request, "AddReplicaRegions");
        boolean force = Boolean.TRUE.equals(request.bool("ForceOverwriteReplicaSecret"));
        Constraints constraints = new Constraints().required("name", name)
                .length("name", name, 1, RequestLimits.NAME_MAX)
                .length("description", description, 0, RequestLimits.DESCRIPTION_MAX)
                .length("kmsKeyId", kmsKeyId, 0, RequestLimits.KMS_KEY_ID_MAX);
        WriteSupport.token(constraints, token);
        WriteSupport.tags(constraints, tags);
        value.constrain(constraints);
        ReplicaRegions.constrain(constraints, "addReplicaRegions", replicaRegions);
        Checks.require(constraints, SecretNameRule.checkName(name), value.atMostOne(), TagRule.checkTags(tags),
                ReplicaRegions.check(replicaRegions, context));

        String secretId = IncarnationIds.next();
        // Authorized against the ARN the new secret will have, before anything is encrypted or sent.
        String arn = SecretArn.of(context.region(), caller.accountId(), name, secretId).toString();
        context.authorizer().requireAllowed(caller, request.origin(), name(), arn, caller.accountId());
        if (replicaRegions != null && !replicaRegions.isEmpty()) {
            // AWS authorizes CreateSecret with AddReplicaRegions as ReplicateSecretToRegions too.
            context.authorizer().requireAllowed(caller, request.origin(), "ReplicateSecretToRegions", arn,
                    caller.accountId());
        }
        MasterKey key = values.keyForRequest(kmsKeyId);
        String versionId = WriteSupport.versionId(token);
        NewValue sealed = value.value()
                .map(v -> values.seal(key, caller.accountId(), secretId, versionId, v))
                .orElse(null);
        var command = new io.strongroom.core.command.CreateSecret(secretId, name, description, kmsKeyId, tags,
                versionId, sealed, replicaRegions, force);
        return commands.submit(caller, name, null, command).thenCompose(outcome -> {
            if (outcome.status() == Outcome.Status.UNCHANGED) {
                return repeated(caller, request.origin(), name, outcome.existingVersionId(),
                        value.value().orElse(null));
            }
            ObjectNode response = WireJson.object()
                    .put("ARN", SecretArn.of(context.region(), caller.accountId(), name, outcome.secretId()).toString())
                    .put("Name", name);
            if (sealed != null) {
                response.put("VersionId", versionId);
            }
            if (replicaRegions != null && !replicaRegions.isEmpty()) {
                response.set("ReplicationStatus", SecretShapes.replicationStatus(replicaRegions.stream()
                        .map(r -> new ReplicaStatus(r.region(), r.kmsKeyId(), ReplicationState.IN_PROGRESS, null, 0))
                        .toList()));
            }
            return CompletableFuture.completedFuture(response);
        });
    }

    private CompletableFuture<ObjectNode> repeated(Caller caller, RequestOrigin origin, String name, String versionId,
            SecretValue requested) {
        ReadModel reader = context.reader();
        return context.resolve(reader, caller, origin, name, name())
                .thenCompose(state -> values.requireSameValue(reader, state, versionId, requested)
                        .thenApply(version -> SecretShapes.arnAndName(state).put("VersionId", version.versionId())));
    }
}
