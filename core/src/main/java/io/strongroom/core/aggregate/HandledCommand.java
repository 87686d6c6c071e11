package io.strongroom.core.aggregate;

import io.strongroom.core.event.Outcome;
import io.strongroom.core.secret.SecretState;
import java.util.List;

/**
 * A command decided and recorded: the outcome to append to the events topic, the key records that
 * go with it in the same transaction, and the state after it (null if the command touched none).
 */
public record HandledCommand(Outcome outcome, List<KeyChange> keyChanges, SecretState stateAfter) {}
