package io.strongroom.core.event;

import com.fasterxml.jackson.annotation.JsonSubTypes;

/**
 * A fact about one secret incarnation. Events are kept forever: a change of shape gets a new
 * schema version in the envelope and an upcaster, never an edit of an old record.
 */
@JsonSubTypes({
    @JsonSubTypes.Type(value = SecretCreated.class, name = "SecretCreated"),
    @JsonSubTypes.Type(value = VersionAdded.class, name = "VersionAdded"),
    @JsonSubTypes.Type(value = VersionStagesSet.class, name = "VersionStagesSet"),
    @JsonSubTypes.Type(value = SecretUpdated.class, name = "SecretUpdated"),
    @JsonSubTypes.Type(value = DeletionScheduled.class, name = "DeletionScheduled"),
    @JsonSubTypes.Type(value = SecretPurged.class, name = "SecretPurged"),
    @JsonSubTypes.Type(value = SecretRestored.class, name = "SecretRestored"),
    @JsonSubTypes.Type(value = TagsSet.class, name = "TagsSet"),
    @JsonSubTypes.Type(value = TagsRemoved.class, name = "TagsRemoved"),
    @JsonSubTypes.Type(value = VersionsRemoved.class, name = "VersionsRemoved"),
    @JsonSubTypes.Type(value = ResourcePolicyPut.class, name = "ResourcePolicyPut"),
    @JsonSubTypes.Type(value = ResourcePolicyDeleted.class, name = "ResourcePolicyDeleted"),
    @JsonSubTypes.Type(value = ReplicaRegionsAdded.class, name = "ReplicaRegionsAdded"),
    @JsonSubTypes.Type(value = ReplicaRegionsRemoved.class, name = "ReplicaRegionsRemoved"),
    @JsonSubTypes.Type(value = ReplicationStatusChanged.class, name = "ReplicationStatusChanged"),
    @JsonSubTypes.Type(value = ReplicaEstablished.class, name = "ReplicaEstablished"),
    @JsonSubTypes.Type(value = ReplicaPromoted.class, name = "ReplicaPromoted"),
})
public sealed interface SecretEvent
        permits SecretCreated, VersionAdded, VersionStagesSet, SecretUpdated, DeletionScheduled, SecretPurged,
        SecretRestored, TagsSet, TagsRemoved, VersionsRemoved, ResourcePolicyPut, ResourcePolicyDeleted,
        ReplicaRegionsAdded, ReplicaRegionsRemoved, ReplicationStatusChanged, ReplicaEstablished, ReplicaPromoted {}
