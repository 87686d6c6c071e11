package io.strongroom.core.secret;

/**
 * A version's value as it travels and rests behind the gateway: AES-256-GCM ciphertext (nonce, data
 * and tag) under the version's own data key. The data key itself lives only in the keys topic.
 */
public record EncryptedValue(ValueType type, byte[] ciphertext) {}
