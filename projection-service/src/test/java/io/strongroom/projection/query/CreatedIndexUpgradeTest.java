package io.strongroom.projection.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.query.ListQuery;
import io.strongroom.core.secret.Lifecycle;
import io.strongroom.core.secret.SecretState;
import io.strongroom.projection.Phase;
import io.strongroom.projection.apply.CatchUpBarriers;
import io.strongroom.store.SecretStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;

/** A store written before the CreatedDate index existed still lists every secret after the upgrade. */
class CreatedIndexUpgradeTest {
    @TempDir
    Path dir;

    @Test
    void aStoreWithoutTheIndexGetsItBuiltWhenOpened() throws Exception {
        try (SecretStore store = SecretStore.open(dir); SecretStore.Batch batch = store.batch()) {
            Instant t = Instant.parse("2026-01-01T00:00:00Z");
            for (String name : List.of("b", "a")) {
                batch.put(new SecretState("id-" + name, "acct", "eu-west-1", name, null, null, List.of(), t, t, null,
                        null, Map.of(), 1, Lifecycle.ACTIVE));
                t = t.plusSeconds(1);
            }
            batch.commit();
        }
        dropCreatedIndex();

        try (SecretStore store = SecretStore.open(dir)) {
            LocalReadModel model = new LocalReadModel("eu-west-1", store, new OutcomeWaiters(Clock.systemUTC()),
                    new CatchUpBarriers(), () -> Phase.SERVING, "p0");
            assertThat(model.listSecrets(new ListQuery("acct", 10, null)).join().secrets())
                    .extracting(SecretState::name).containsExactly("b", "a");
            model.close();
        }
    }

    private void dropCreatedIndex() throws Exception {
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        for (byte[] name : RocksDB.listColumnFamilies(new org.rocksdb.Options(), dir.toString())) {
            descriptors.add(new ColumnFamilyDescriptor(name));
        }
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try (DBOptions options = new DBOptions(); RocksDB db = RocksDB.open(options, dir.toString(), descriptors, handles)) {
            for (int i = 0; i < descriptors.size(); i++) {
                if (new String(descriptors.get(i).getName(), StandardCharsets.UTF_8).equals("created")) {
                    db.dropColumnFamily(handles.get(i));
                }
            }
            handles.forEach(ColumnFamilyHandle::close);
        }
    }
}
