package io.strongroom.replicator.route;

import static io.strongroom.replicator.route.RoutesTest.applied;
import static io.strongroom.replicator.route.RoutesTest.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.event.ReplicaRegionsAdded;
import io.strongroom.core.event.SecretCreated;
import io.strongroom.core.replication.ReplicaRegion;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretDirectoryTest {
    final SecretDirectory directory = new SecretDirectory();

    @Test
    void learns_the_name_and_each_replica_regions_key_and_overwrite_flag() {
        directory.learn(applied(List.of(), event(1, new SecretCreated("app/db", null, null, List.of()))));
        directory.learn(applied(List.of("eu-west-1"),
                event(3, new ReplicaRegionsAdded(List.of(new ReplicaRegion("eu-west-1", "alias/eu")), true))));

        SecretFacts facts = directory.find("s").orElseThrow();
        assertThat(facts.name()).isEqualTo("app/db");
        assertThat(facts.kmsKeyIdIn("eu-west-1")).isEqualTo("alias/eu");
        assertThat(facts.forceOverwriteIn("eu-west-1")).isTrue();
        assertThat(facts.kmsKeyIdIn("ap-south-1")).isNull();
        assertThat(facts.forceOverwriteIn("ap-south-1")).isFalse();
    }

    @Test
    void reading_the_creation_again_keeps_what_was_learnt_after_it() {
        var created = applied(List.of(), event(1, new SecretCreated("app/db", null, null, List.of())));
        directory.learn(created);
        directory.learn(applied(List.of("eu-west-1"),
                event(3, new ReplicaRegionsAdded(List.of(new ReplicaRegion("eu-west-1", "alias/eu")), false))));

        directory.learn(created);

        assertThat(directory.find("s").orElseThrow().kmsKeyIdIn("eu-west-1")).isEqualTo("alias/eu");
    }

    @Test
    void a_secret_never_seen_created_is_unknown() {
        directory.learn(applied(List.of("eu-west-1"),
                event(3, new ReplicaRegionsAdded(List.of(new ReplicaRegion("eu-west-1", null)), false))));

        assertThat(directory.find("s")).isEmpty();
    }
}
