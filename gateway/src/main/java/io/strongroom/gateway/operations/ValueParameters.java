package io.strongroom.gateway.operations;

import io.strongroom.core.error.Rejection;
import io.strongroom.core.validation.Constraints;
import io.strongroom.core.validation.RequestLimits;
import io.strongroom.core.validation.SecretValueRule;
import io.strongroom.gateway.crypto.SecretValue;
import io.strongroom.gateway.protocol.JsonRequest;
import java.util.Optional;

/** The SecretString / SecretBinary pair of a write request. */
record ValueParameters(SecretValue string, SecretValue binary) {

    static ValueParameters read(JsonRequest request) {
        String text = request.string("SecretString");
        byte[] bytes = request.blob("SecretBinary");
        return new ValueParameters(text == null ? null : SecretValue.ofString(text),
                bytes == null ? null : new SecretValue(io.strongroom.core.secret.ValueType.BINARY, bytes));
    }

    /** Sizes in bytes (UTF-8 for strings), reported without the value. */
    Constraints constrain(Constraints constraints) {
        return constraints
                .sensitiveLength("secretString", string == null ? null : string.bytes().length, 1,
                        RequestLimits.SECRET_VALUE_MAX_BYTES)
                .sensitiveLength("secretBinary", binary == null ? null : binary.bytes().length, 1,
                        RequestLimits.SECRET_VALUE_MAX_BYTES);
    }

    Optional<Rejection> atMostOne() {
        return SecretValueRule.atMostOne(string != null, binary != null);
    }

    Optional<Rejection> exactlyOne() {
        return SecretValueRule.exactlyOne(string != null, binary != null);
    }

    Optional<SecretValue> value() {
        return Optional.ofNullable(string != null ? string : binary);
    }
}
