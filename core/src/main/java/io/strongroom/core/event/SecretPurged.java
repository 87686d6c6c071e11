package io.strongroom.core.event;

/** The incarnation is gone for good: its name is free and its data keys are tombstoned. */
public record SecretPurged() implements SecretEvent {}
