package io.strongroom.core.crypto;

/**
 * A version's data key, encrypted under a master key. {@code masterKeyId} names the master key and
 * its version (e.g. {@code alias/aws/secretsmanager#1}) so that rotated master keys keep old
 * versions readable.
 */
public record WrappedKey(String masterKeyId, byte[] ciphertext) {}
