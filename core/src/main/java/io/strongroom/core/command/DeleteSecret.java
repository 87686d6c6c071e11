package io.strongroom.core.command;

/** @param recoveryWindowInDays null means the default window (30 days) unless forced */
public record DeleteSecret(Integer recoveryWindowInDays, boolean forceDeleteWithoutRecovery) implements Command {}
