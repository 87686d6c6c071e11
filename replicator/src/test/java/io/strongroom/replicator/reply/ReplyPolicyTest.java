package io.strongroom.replicator.reply;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.error.Rejection;
import io.strongroom.core.event.Outcome;
import io.strongroom.core.replication.ReplicaReply;
import io.strongroom.core.replication.ReplicationState;
import io.strongroom.replicator.stream.PendingCommand;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyPolicyTest {
    static final String TARGET = "eu-west-1";

    @Test
    void applied_and_already_applied_report_in_sync_at_the_replicas_sequence() {
        assertThat(react(PendingCommand.Kind.DELTA, ReplicaReply.Result.APPLIED, 7, false))
                .isEqualTo(new Reaction.Done(ReplicationState.IN_SYNC, 7, null, true));
        assertThat(react(PendingCommand.Kind.DELTA, ReplicaReply.Result.ALREADY_APPLIED, 7, false))
                .isEqualTo(new Reaction.Done(ReplicationState.IN_SYNC, 7, null, false));
    }

    @Test
    void a_gap_replays_from_the_sequence_after_the_replicas() {
        assertThat(react(PendingCommand.Kind.DELTA, ReplicaReply.Result.GAP, 3, false)).isEqualTo(new Reaction.Replay(4));
    }

    @Test
    void a_taken_name_is_overwritten_only_when_forced_and_then_replayed_from_the_start() {
        assertThat(react(PendingCommand.Kind.REPLAY, ReplicaReply.Result.NAME_TAKEN, 0, true))
                .isEqualTo(new Reaction.Overwrite());
        assertThat(react(PendingCommand.Kind.REPLAY, ReplicaReply.Result.NAME_TAKEN, 0, false))
                .isEqualTo(new Reaction.Done(ReplicationState.FAILED, 0, ReplicationMessages.NAME_TAKEN, false));
        assertThat(react(PendingCommand.Kind.OVERWRITE, ReplicaReply.Result.APPLIED, 0, true))
                .isEqualTo(new Reaction.Replay(1));
    }

    @Test
    void a_promoted_replica_is_forgotten_here_and_a_failed_key_shows_failed() {
        assertThat(react(PendingCommand.Kind.DELTA, ReplicaReply.Result.PROMOTED, 5, false))
                .isEqualTo(new Reaction.ForgetHere());
        assertThat(react(PendingCommand.Kind.DELTA, ReplicaReply.Result.KEY_FAILED, 5, false))
                .isEqualTo(new Reaction.Done(ReplicationState.FAILED, 5, ReplicationMessages.KEY_FAILED, false));
    }

    @Test
    void a_refused_command_shows_failed_with_the_targets_message() {
        Outcome refused = new Outcome("c", "acct", Instant.now(), null, Outcome.Status.REJECTED,
                new Rejection(AwsErrorCode.INVALID_REQUEST, "nope"), null, List.of());

        Reaction reaction = ReplyPolicy.react(command(PendingCommand.Kind.DELTA), refused, false, TARGET);

        assertThat(reaction).isEqualTo(new Reaction.Done(ReplicationState.FAILED, 4,
                ReplicationMessages.rejected(TARGET, "nope"), false));
    }

    @Test
    void removals_and_forget_notices_are_done_with_any_answer() {
        Outcome any = new Outcome("c", "acct", Instant.now(), null, Outcome.Status.REJECTED,
                new Rejection(AwsErrorCode.RESOURCE_NOT_FOUND, "gone"), null, List.of());

        assertThat(ReplyPolicy.react(command(PendingCommand.Kind.FORGET), any, false, TARGET))
                .isEqualTo(new Reaction.Done(null, 0, null, false));
    }

    static Reaction react(PendingCommand.Kind kind, ReplicaReply.Result result, long appliedSeq, boolean force) {
        Outcome answer = new Outcome("c", "acct", Instant.now(), "s", Outcome.Status.APPLIED, null, null, List.of(),
                List.of(), new ReplicaReply(appliedSeq, result));
        return ReplyPolicy.react(command(kind), answer, force, TARGET);
    }

    static PendingCommand command(PendingCommand.Kind kind) {
        return new PendingCommand("c", kind, 0, 1, "acct/app", "acct", "s", "app", 5, 6, null, 1);
    }
}
