package io.strongroom.core.command;

import com.fasterxml.jackson.annotation.JsonSubTypes;

/** What a client asked to change (its {@code type} is written beside it in the envelope). Payloads only; who, when and which secret live in {@link CommandEnvelope}. */
@JsonSubTypes({
    @JsonSubTypes.Type(value = CreateSecret.class, name = "CreateSecret"),
    @JsonSubTypes.Type(value = PutSecretValue.class, name = "PutSecretValue"),
    @JsonSubTypes.Type(value = UpdateSecret.class, name = "UpdateSecret"),
    @JsonSubTypes.Type(value = DeleteSecret.class, name = "DeleteSecret"),
    @JsonSubTypes.Type(value = RestoreSecret.class, name = "RestoreSecret"),
    @JsonSubTypes.Type(value = TagResource.class, name = "TagResource"),
    @JsonSubTypes.Type(value = UntagResource.class, name = "UntagResource"),
    @JsonSubTypes.Type(value = UpdateSecretVersionStage.class, name = "UpdateSecretVersionStage"),
    @JsonSubTypes.Type(value = PutResourcePolicy.class, name = "PutResourcePolicy"),
    @JsonSubTypes.Type(value = DeleteResourcePolicy.class, name = "DeleteResourcePolicy"),
    @JsonSubTypes.Type(value = PurgeSecret.class, name = "PurgeSecret"),
    @JsonSubTypes.Type(value = ReplicateSecretToRegions.class, name = "ReplicateSecretToRegions"),
    @JsonSubTypes.Type(value = RemoveRegionsFromReplication.class, name = "RemoveRegionsFromReplication"),
    @JsonSubTypes.Type(value = StopReplicationToReplica.class, name = "StopReplicationToReplica"),
    @JsonSubTypes.Type(value = ApplyReplicaDelta.class, name = "ApplyReplicaDelta"),
    @JsonSubTypes.Type(value = RemoveReplica.class, name = "RemoveReplica"),
    @JsonSubTypes.Type(value = OverwriteForReplica.class, name = "OverwriteForReplica"),
    @JsonSubTypes.Type(value = ReportReplicationStatus.class, name = "ReportReplicationStatus"),
    @JsonSubTypes.Type(value = ForgetReplica.class, name = "ForgetReplica"),
})
public sealed interface Command permits CreateSecret, PutSecretValue, UpdateSecret, DeleteSecret,
        RestoreSecret, TagResource, UntagResource, UpdateSecretVersionStage, PutResourcePolicy, DeleteResourcePolicy,
        PurgeSecret, ReplicateSecretToRegions, RemoveRegionsFromReplication, StopReplicationToReplica,
        ApplyReplicaDelta, RemoveReplica, OverwriteForReplica, ReportReplicationStatus, ForgetReplica {}
