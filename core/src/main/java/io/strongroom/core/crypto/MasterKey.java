package io.strongroom.core.crypto;

/**
 * One version of a region master key. {@link #toString()} never shows the material.
 *
 * @param name the KmsKeyId it answers to, e.g. {@code alias/aws/secretsmanager}
 * @param version increases with each rotation; wrapped keys name the version that wrapped them
 */
public record MasterKey(String name, int version, byte[] material) {
    public MasterKey {
        if (material.length != AesGcm.KEY_BYTES) {
            throw new IllegalArgumentException("master key " + name + " must be 256 bits");
        }
        material = material.clone();
    }

    /** How a wrapped key names this master key: {@code name#version}. */
    public String id() {
        return name + "#" + version;
    }

    @Override
    public String toString() {
        return "MasterKey[" + id() + "]";
    }
}
