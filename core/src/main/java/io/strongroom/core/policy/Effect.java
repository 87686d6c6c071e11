package io.strongroom.core.policy;

/** A statement's Effect. */
public enum Effect {
    ALLOW,
    DENY
}
