package io.strongroom.replicator.reply;

import io.strongroom.core.replication.ReplicationState;

/** What the stream does with a target's answer to one of its commands. */
public sealed interface Reaction {
    /** Answered; report this status of the replica (null: nothing to report). */
    record Done(ReplicationState status, long seq, String message, boolean applied) implements Reaction {}

    /** The replica misses changes: replay the secret from this sequence number. */
    record Replay(long fromSeq) implements Reaction {}

    /** The name is held by another secret there and may be overwritten: do so, then replay from 1. */
    record Overwrite() implements Reaction {}

    /** The replica was promoted: the own region forgets it. */
    record ForgetHere() implements Reaction {}
}
