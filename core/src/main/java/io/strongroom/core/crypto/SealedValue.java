package io.strongroom.core.crypto;

import io.strongroom.core.secret.EncryptedValue;

/** A value sealed under a fresh data key, and that data key wrapped under a master key. */
public record SealedValue(EncryptedValue value, WrappedKey wrappedKey) {}
