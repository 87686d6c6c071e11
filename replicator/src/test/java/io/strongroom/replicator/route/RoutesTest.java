package io.strongroom.replicator.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.event.EventEnvelope;
import io.strongroom.core.event.Outcome;
import io.strongroom.core.event.ReplicaPromoted;
import io.strongroom.core.event.ReplicaRegionsAdded;
import io.strongroom.core.event.ReplicaRegionsRemoved;
import io.strongroom.core.event.ReplicationStatusChanged;
import io.strongroom.core.event.SecretCreated;
import io.strongroom.core.event.SecretEvent;
import io.strongroom.core.event.TagsSet;
import io.strongroom.core.replication.ReplicaRegion;
import io.strongroom.core.replication.ReplicationState;
import io.strongroom.core.secret.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutesTest {
    static final String TARGET = "eu-west-1";

    @Test
    void a_change_of_a_secret_replicating_to_the_target_is_a_delta_of_its_replicable_events() {
        Outcome outcome = applied(List.of(TARGET), tagsSet(4),
                event(4, new ReplicationStatusChanged(TARGET, ReplicationState.IN_SYNC, null, 3)));

        List<Plan> plans = Routes.plan(outcome, TARGET);

        assertThat(plans).hasSize(1);
        assertThat(((Plan.Delta) plans.get(0)).events()).extracting(EventEnvelope::seq).containsExactly(4L);
    }

    @Test
    void a_secret_that_does_not_replicate_to_the_target_sends_it_nothing() {
        assertThat(Routes.plan(applied(List.of("ap-south-1"), tagsSet(4)), TARGET)).isEmpty();
        assertThat(Routes.plan(applied(List.of(), tagsSet(4)), TARGET)).isEmpty();
    }

    @Test
    void bookkeeping_alone_sends_nothing_so_status_reports_do_not_echo() {
        Outcome report = applied(List.of(TARGET),
                event(4, new ReplicationStatusChanged(TARGET, ReplicationState.IN_SYNC, null, 4)));

        assertThat(Routes.plan(report, TARGET)).isEmpty();
    }

    @Test
    void adding_the_target_to_an_existing_secret_is_a_full_sync_that_replaces_the_delta() {
        Outcome replicate = applied(List.of(TARGET), tagsSet(6),
                event(6, new ReplicaRegionsAdded(List.of(new ReplicaRegion(TARGET, null)), false)));

        assertThat(Routes.plan(replicate, TARGET)).containsExactly(new Plan.FullSync());
    }

    @Test
    void a_secret_created_with_the_target_sends_its_creation_as_the_whole_history() {
        EventEnvelope created = event(1, new SecretCreated("app/db", null, null, List.of()));
        Outcome create = applied(List.of(TARGET), created,
                event(1, new ReplicaRegionsAdded(List.of(new ReplicaRegion(TARGET, null)), false)));

        assertThat(Routes.plan(create, TARGET)).containsExactly(new Plan.Delta(List.of(created)));
    }

    @Test
    void removing_the_target_with_its_replica_deletes_the_replica_but_forgetting_it_does_not() {
        Outcome removed = applied(List.of(), event(5, new ReplicaRegionsRemoved(List.of(TARGET), true)));
        Outcome forgotten = applied(List.of(), event(5, new ReplicaRegionsRemoved(List.of(TARGET), false)));

        assertThat(Routes.plan(removed, TARGET)).containsExactly(new Plan.RemoveReplica());
        assertThat(Routes.plan(forgotten, TARGET)).isEmpty();
    }

    @Test
    void a_promotion_tells_the_former_primary_only() {
        Outcome promoted = applied(List.of(), event(7, new ReplicaPromoted(TARGET)));

        assertThat(Routes.plan(promoted, TARGET)).containsExactly(new Plan.ForgetReplica());
        assertThat(Routes.plan(promoted, "ap-south-1")).isEmpty();
    }

    @Test
    void a_rejected_outcome_sends_nothing() {
        Outcome rejected = new Outcome("c", "111122223333", Instant.now(), "s", Outcome.Status.REJECTED, null, null,
                List.of(), List.of(TARGET), null);

        assertThat(Routes.plan(rejected, TARGET)).isEmpty();
    }

    static EventEnvelope tagsSet(long seq) {
        return event(seq, new TagsSet(List.of(new Tag("k", "v"))));
    }

    static EventEnvelope event(long seq, SecretEvent payload) {
        return new EventEnvelope(1, "c:" + seq, "c", "s", "111122223333", seq, "us-east-1", "p", Instant.now(), payload);
    }

    static Outcome applied(List<String> regions, EventEnvelope... events) {
        return new Outcome("c", "111122223333", Instant.now(), "s", Outcome.Status.APPLIED, null, null,
                new ArrayList<>(List.of(events)), regions, null);
    }
}
