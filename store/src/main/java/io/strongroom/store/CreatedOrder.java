package io.strongroom.store;

import io.strongroom.core.codec.FixedDigits;
import io.strongroom.core.secret.SecretState;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksIterator;

/**
 * The index that lists an account's secrets by CreatedDate: key {@code account \0 position}, value
 * the secretId, where a position is {@code <epoch seconds, 12 digits><nanos, 9 digits>:<secretId>}.
 * Fixed-width digits sort as the instants do; the secretId orders secrets created at the same
 * instant and makes every position unique and stable, so a page token can name one.
 */
final class CreatedOrder {
    private static final char SEP = 0;
    private static final char AFTER_SEP = 1;

    private CreatedOrder() {}

    static String position(SecretState state) {
        Instant at = state.createdDate() == null ? Instant.EPOCH : state.createdDate();
        char[] digits = new char[21];
        FixedDigits.write(digits, FixedDigits.write(digits, 0, at.getEpochSecond(), 12), at.getNano(), 9);
        return new String(digits) + ':' + state.secretId();
    }

    static byte[] key(SecretState state) {
        return SecretStore.bytes(state.account() + SEP + position(state));
    }

    /** Whether two states have the same {@link #key}: it is made of these fields. */
    static boolean samePosition(SecretState a, SecretState b) {
        return a.account().equals(b.account()) && a.secretId().equals(b.secretId())
                && Objects.equals(a.createdDate(), b.createdDate());
    }

    static CreatedScan scan(RocksDB db, ColumnFamilyHandle index, String account, String afterPosition,
            boolean descending, Function<String, Optional<SecretState>> byId, Predicate<SecretState> admit,
            int wanted, int budget) {
        byte[] prefix = SecretStore.bytes(account + SEP);
        byte[] start = afterPosition == null ? null : SecretStore.bytes(account + SEP + afterPosition);
        List<SecretState> kept = new ArrayList<>();
        List<String> positions = new ArrayList<>();
        String lastExamined = null;
        int examined = 0;
        try (RocksIterator it = db.newIterator(index)) {
            seek(it, account, prefix, start, descending);
            while (it.isValid() && SecretStore.startsWith(it.key(), prefix) && kept.size() < wanted
                    && examined < budget) {
                byte[] key = it.key();
                if (start == null || !Arrays.equals(key, start)) {
                    examined++;
                    lastExamined = new String(key, prefix.length, key.length - prefix.length, StandardCharsets.UTF_8);
                    Optional<SecretState> state = byId.apply(new String(it.value(), StandardCharsets.UTF_8));
                    if (state.isPresent() && admit.test(state.get())) {
                        kept.add(state.get());
                        positions.add(lastExamined);
                    }
                }
                step(it, descending);
            }
            boolean exhausted = !it.isValid() || !SecretStore.startsWith(it.key(), prefix);
            return new CreatedScan(kept, positions, lastExamined, exhausted);
        }
    }

    private static void seek(RocksIterator it, String account, byte[] prefix, byte[] start, boolean descending) {
        if (!descending) {
            it.seek(start == null ? prefix : start);
        } else {
            it.seekForPrev(start == null ? SecretStore.bytes(account + AFTER_SEP) : start);
        }
    }

    private static void step(RocksIterator it, boolean descending) {
        if (descending) {
            it.prev();
        } else {
            it.next();
        }
    }
}
