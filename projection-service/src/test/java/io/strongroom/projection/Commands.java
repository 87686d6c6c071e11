package io.strongroom.projection;

import io.strongroom.core.command.CommandEnvelope;
import io.strongroom.core.command.CreateSecret;
import io.strongroom.core.command.DeleteSecret;
import io.strongroom.core.command.NewValue;
import io.strongroom.core.command.PutSecretValue;
import io.strongroom.core.crypto.WrappedKey;
import io.strongroom.core.secret.EncryptedValue;
import io.strongroom.core.secret.ValueType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Commands as a gateway would produce them, with stand-in ciphertext (the projection never decrypts). */
final class Commands {
    static final String ACCOUNT = "111122223333";
    private static final String PRINCIPAL = "arn:aws:iam::111122223333:user/tester";

    private Commands() {}

    static CommandEnvelope create(String name) {
        return envelope(name, null, new CreateSecret(UUID.randomUUID().toString(), name, "about " + name, null,
                List.of(), UUID.randomUUID().toString(), value("first value of " + name)));
    }

    static CommandEnvelope createWithoutValue(String name) {
        return envelope(name, null, new CreateSecret(UUID.randomUUID().toString(), name, null, null, List.of(),
                null, null));
    }

    static CommandEnvelope put(String name, String token) {
        return envelope(name, null, new PutSecretValue(token, value("value " + token), null));
    }

    static CommandEnvelope purge(String name) {
        return envelope(name, null, new DeleteSecret(null, true));
    }

    static CommandEnvelope scheduleDeletion(String name) {
        return envelope(name, null, new DeleteSecret(7, false));
    }

    static NewValue value(String text) {
        byte[] ciphertext = ("sealed:" + text).getBytes(StandardCharsets.UTF_8);
        byte[] wrapped = ("wrapped:" + text).getBytes(StandardCharsets.UTF_8);
        return new NewValue(new EncryptedValue(ValueType.STRING, ciphertext),
                new WrappedKey("alias/aws/secretsmanager#1", wrapped));
    }

    private static CommandEnvelope envelope(String secretId, String expected, io.strongroom.core.command.Command payload) {
        return new CommandEnvelope(UUID.randomUUID().toString(), ACCOUNT, PRINCIPAL,
                Instant.now().plusSeconds(60), secretId, expected, payload);
    }
}
