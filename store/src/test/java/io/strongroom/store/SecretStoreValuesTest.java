package io.strongroom.store;

import static io.strongroom.store.StoredStates.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.crypto.SealedValue;
import io.strongroom.core.secret.EncryptedValue;
import io.strongroom.core.secret.Lifecycle;
import io.strongroom.core.secret.ValueType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

/** Versions' values are stored apart from the states, by version; a store of another format is emptied. */
class SecretStoreValuesTest {

    @TempDir
    Path dir;

    @Test
    void aValueIsReadBackWithItsKeyAndGoesWithItsVersionOrItsKey() {
        EncryptedValue text = new EncryptedValue(ValueType.STRING, new byte[] {1, 2, 3});
        EncryptedValue binary = new EncryptedValue(ValueType.BINARY, new byte[] {0, -1, 127});
        try (SecretStore store = SecretStore.open(dir)) {
            try (SecretStore.Batch batch = store.batch()) {
                batch.put(state("s1", Lifecycle.ACTIVE)).putValue("s1/v1", text).putKey("s1/v1", key())
                        .putValue("s1/v2", binary).putKey("s1/v2", key())
                        .putValue("s1/v3", text).putKey("s1/v3", key()).commit();
            }
            assertThat(store.sealedValue("s1/v1")).get().extracting(SealedValue::value).usingRecursiveComparison()
                    .isEqualTo(text);
            assertThat(store.sealedValue("s1/v2").orElseThrow().value().type()).isEqualTo(ValueType.BINARY);
            assertThat(store.sealedValue("s1/v2").orElseThrow().value().ciphertext()).containsExactly(0, -1, 127);
            assertThat(store.sealedValue("s1/v2").orElseThrow().wrappedKey().masterKeyId())
                    .isEqualTo("alias/aws/secretsmanager#1");

            try (SecretStore.Batch batch = store.batch()) {
                batch.deleteValue("s1/v1").putKey("s1/v3", null).commit();
            }

            assertThat(store.sealedValue("s1/v1")).as("a removed version").isEmpty();
            assertThat(store.sealedValue("s1/v3")).as("a shredded key").isEmpty();
            assertThat(store.sealedValue("s1/v2")).isPresent();
            assertThat(store.sealedValue("s1/nope")).isEmpty();
        }
    }

    @Test
    void aPurgeDropsEveryValueOfItsSecretOnly() {
        EncryptedValue value = new EncryptedValue(ValueType.STRING, new byte[] {9});
        try (SecretStore store = SecretStore.open(dir)) {
            try (SecretStore.Batch batch = store.batch()) {
                batch.put(state("s1", Lifecycle.ACTIVE)).putValue("s1/v1", value).putKey("s1/v1", key())
                        .putValue("s10/v1", value).putKey("s10/v1", key()).commit();
            }
            try (SecretStore.Batch batch = store.batch()) {
                batch.put(state("s1", Lifecycle.PURGED)).commit();
            }
            assertThat(store.sealedValue("s1/v1")).isEmpty();
            assertThat(store.sealedValue("s10/v1")).isPresent();
        }
    }

    @Test
    void aStoreOfTheCurrentFormatKeepsItsContentWhenOpenedAgain() {
        try (SecretStore store = SecretStore.open(dir); SecretStore.Batch batch = store.batch()) {
            batch.put(state("s1", Lifecycle.ACTIVE)).nextOffset("events", 0, 42).commit();
        }
        try (SecretStore store = SecretStore.open(dir)) {
            assertThat(store.byId("s1")).isPresent();
            assertThat(store.nextOffset("events", 0)).isEqualTo(42);
        }
    }

    @Test
    void aStoreWithoutTheFormatMarkIsEmptiedSoTheServiceRebuildsItFromTheLog() throws Exception {
        // What format 1 left: states holding their versions' values, offsets, and no mark.
        try (Options options = new Options().setCreateIfMissing(true); RocksDB db = RocksDB.open(options, dir.toString())) {
            db.put("offset/events/0".getBytes(StandardCharsets.UTF_8), ByteBuffer.allocate(8).putLong(42).array());
        }

        try (SecretStore store = SecretStore.open(dir)) {
            assertThat(store.nextOffset("events", 0)).isZero();
            try (SecretStore.Batch batch = store.batch()) {
                batch.put(state("s1", Lifecycle.ACTIVE)).nextOffset("events", 0, 7).commit();
            }
        }
        try (SecretStore store = SecretStore.open(dir)) {
            assertThat(store.nextOffset("events", 0)).as("the emptied store was marked, and is kept now").isEqualTo(7);
            assertThat(store.byId("s1")).isPresent();
        }
    }

    @Test
    void aStoreOfTheJsonStateFormatIsEmptiedSoTheServiceRebuildsItFromTheLog() throws Exception {
        // What format 2 left: a mark saying 2, states as JSON, offsets.
        try (Options options = new Options().setCreateIfMissing(true); RocksDB db = RocksDB.open(options, dir.toString())) {
            db.put("format".getBytes(StandardCharsets.UTF_8), ByteBuffer.allocate(4).putInt(2).array());
            db.put("offset/events/0".getBytes(StandardCharsets.UTF_8), ByteBuffer.allocate(8).putLong(42).array());
        }

        try (SecretStore store = SecretStore.open(dir)) {
            assertThat(store.nextOffset("events", 0)).as("replayed from the start of the log").isZero();
        }
    }

    private static byte[] key() {
        return StoredStates.keyRecord(new byte[] {7, 7, 7});
    }
}
