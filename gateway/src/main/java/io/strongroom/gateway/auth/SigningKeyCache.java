package io.strongroom.gateway.auth;

import io.strongroom.gateway.auth.sigv4.SigV4;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Derived SigV4 signing keys, one per access key, day, region and service: four HMACs saved on every
 * request. Bounded: when full it starts over (a day's keys are re-derived once).
 */
final class SigningKeyCache {
    static final int MAX_ENTRIES = 10_000;

    private record Scope(String accessKeyId, String date, String region, String service) {}

    private final Map<Scope, byte[]> keys = new ConcurrentHashMap<>();

    byte[] signingKey(AccessKeyAccounts.Identity identity, String date, String region, String service) {
        Scope scope = new Scope(identity.accessKeyId(), date, region, service);
        byte[] key = keys.get(scope);
        if (key == null) {
            if (keys.size() >= MAX_ENTRIES) {
                keys.clear();
            }
            key = SigV4.signingKey(identity.secretAccessKey(), date, region, service);
            keys.put(scope, key);
        }
        return key;
    }

    int size() {
        return keys.size();
    }
}
