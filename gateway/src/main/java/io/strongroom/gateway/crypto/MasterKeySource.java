package io.strongroom.gateway.crypto;

import io.strongroom.core.crypto.MasterKeyRing;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * Where a gateway's master keys come from: the environment variable {@value #ENV} when it is set
 * (the key file's JSON document, as is or base64-encoded, so it can come from a secret store of the
 * orchestrator), otherwise {@code master-keys.json} in the data directory, created on first use.
 */
public final class MasterKeySource {
    public static final String ENV = "STRONGROOM_MASTER_KEYS";

    private MasterKeySource() {}

    public static MasterKeyRing load(Map<String, String> environment, Path keyDir, SecureRandom random) {
        String fromEnv = environment.get(ENV);
        if (fromEnv == null || fromEnv.isBlank()) {
            return MasterKeyFile.loadOrCreate(keyDir, random);
        }
        String trimmed = fromEnv.trim();
        byte[] json;
        if (trimmed.startsWith("{")) {
            json = trimmed.getBytes(StandardCharsets.UTF_8);
        } else {
            try {
                json = Base64.getDecoder().decode(trimmed);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("environment variable " + ENV + " is neither JSON nor base64");
            }
        }
        try {
            return MasterKeyFile.parse(json, "environment variable " + ENV);
        } finally {
            java.util.Arrays.fill(json, (byte) 0);
        }
    }
}
