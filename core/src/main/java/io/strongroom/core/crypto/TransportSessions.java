package io.strongroom.core.crypto;

import java.nio.ByteBuffer;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.function.Supplier;

/**
 * The transport session keys of {@link TransportCipher}: on the sending side one per recipient,
 * renewed after {@link #USES_PER_SESSION} data keys; on the receiving side the session keys already
 * opened, per private key, so the RSA operation happens once per session instead of once per version.
 */
final class TransportSessions {
    static final int USES_PER_SESSION = 100_000;
    private static final int OPENED_PER_KEY = 64;

    record Session(byte[] key, byte[] wrapped) {}

    private static final class Sending {
        private Session session;
        private int uses;
    }

    private static final Map<PublicKey, Sending> SENDING = Collections.synchronizedMap(new WeakHashMap<>());
    private static final Map<PrivateKey, Map<ByteBuffer, byte[]>> OPENED =
            Collections.synchronizedMap(new WeakHashMap<>());

    private TransportSessions() {}

    static Session forRecipient(PublicKey recipient, Supplier<Session> create) {
        Sending sending = SENDING.computeIfAbsent(recipient, k -> new Sending());
        synchronized (sending) {
            if (sending.session == null || sending.uses >= USES_PER_SESSION) {
                sending.session = create.get();
                sending.uses = 0;
            }
            sending.uses++;
            return sending.session;
        }
    }

    /** The session key {@code wrapped} holds for {@code own}, opened once; empty if it does not open. */
    static Optional<byte[]> opened(PrivateKey own, byte[] wrapped, Supplier<Optional<byte[]>> open) {
        Map<ByteBuffer, byte[]> sessions = OPENED.computeIfAbsent(own, k -> lru());
        ByteBuffer id = ByteBuffer.wrap(wrapped.clone());
        synchronized (sessions) {
            byte[] known = sessions.get(id);
            if (known != null) {
                return Optional.of(known);
            }
        }
        Optional<byte[]> key = open.get();
        key.ifPresent(k -> {
            synchronized (sessions) {
                sessions.put(id, k);
            }
        });
        return key;
    }

    private static Map<ByteBuffer, byte[]> lru() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ByteBuffer, byte[]> eldest) {
                return size() > OPENED_PER_KEY;
            }
        };
    }
}
