package io.strongroom.core.secret;

/** Which of the two value fields a version was written through; it is read back through the same one. */
public enum ValueType {
    STRING,
    BINARY
}
