package io.strongroom.core.event;

import java.time.Instant;

public record DeletionScheduled(Instant deletionDate) implements SecretEvent {}
