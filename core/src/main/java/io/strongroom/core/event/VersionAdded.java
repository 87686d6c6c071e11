package io.strongroom.core.event;

import io.strongroom.core.secret.EncryptedValue;

/** A new version with no labels yet; {@link VersionStagesSet} follows it in the same outcome. */
public record VersionAdded(String versionId, EncryptedValue value) implements SecretEvent {}
