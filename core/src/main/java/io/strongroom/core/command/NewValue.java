package io.strongroom.core.command;

import io.strongroom.core.crypto.WrappedKey;
import io.strongroom.core.secret.EncryptedValue;

/** A value the gateway has already encrypted, with its wrapped data key. Never plaintext. */
public record NewValue(EncryptedValue value, WrappedKey wrappedKey) {}
