package io.strongroom.replicator.reply;

import io.strongroom.core.event.Outcome;
import io.strongroom.core.replication.ReplicaReply;
import io.strongroom.core.replication.ReplicationState;
import io.strongroom.replicator.stream.PendingCommand;

/**
 * The one place that decides what a target's answer means (DESIGN, replication): applied or already
 * applied → InSync at the replica's sequence; a gap → replay; a taken name → overwrite if allowed, else
 * Failed; promoted → forget the replica here; a key that did not import or a refusal → Failed, and the
 * stream moves on (the next change to that secret answers with a gap and repairs it).
 */
public final class ReplyPolicy {
    private ReplyPolicy() {}

    public static Reaction react(PendingCommand command, Outcome answer, boolean forceOverwrite, String target) {
        if (command.kind() == PendingCommand.Kind.REMOVE || command.kind() == PendingCommand.Kind.FORGET) {
            return new Reaction.Done(null, 0, null, false);
        }
        ReplicaReply reply = answer.replica();
        if (reply == null) {
            if (answer.status() == Outcome.Status.REJECTED && answer.rejection() != null) {
                return new Reaction.Done(ReplicationState.FAILED, command.baseSeq(),
                        ReplicationMessages.rejected(target, answer.rejection().message()), false);
            }
            return new Reaction.Done(null, 0, null, false);
        }
        switch (reply.result()) {
            case APPLIED:
            case ALREADY_APPLIED:
                if (command.kind() == PendingCommand.Kind.OVERWRITE) {
                    return new Reaction.Replay(1);
                }
                return new Reaction.Done(ReplicationState.IN_SYNC, reply.appliedSeq(), null,
                        reply.result() == ReplicaReply.Result.APPLIED);
            case GAP:
                return new Reaction.Replay(reply.appliedSeq() + 1);
            case NAME_TAKEN:
                return forceOverwrite
                        ? new Reaction.Overwrite()
                        : new Reaction.Done(ReplicationState.FAILED, reply.appliedSeq(),
                                messageOf(answer, ReplicationMessages.NAME_TAKEN), false);
            case PROMOTED:
                return new Reaction.ForgetHere();
            case KEY_FAILED:
            default:
                return new Reaction.Done(ReplicationState.FAILED, reply.appliedSeq(),
                        messageOf(answer, ReplicationMessages.KEY_FAILED), false);
        }
    }

    /** The target's own words when it refused (it knows the name and region), else ours. */
    private static String messageOf(Outcome answer, String fallback) {
        return answer.rejection() != null ? answer.rejection().message() : fallback;
    }
}
