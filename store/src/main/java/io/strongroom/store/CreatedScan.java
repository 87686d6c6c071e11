package io.strongroom.store;

import io.strongroom.core.secret.SecretState;
import java.util.List;

/**
 * The result of one {@link SecretStore#scanByCreated} step.
 *
 * @param positions the CreatedDate position of each kept secret (same order)
 * @param lastExamined the position of the last entry looked at, kept or not; null if none was
 * @param exhausted true when the scan reached the end of the account's secrets
 */
public record CreatedScan(List<SecretState> kept, List<String> positions, String lastExamined, boolean exhausted) {
    public CreatedScan {
        kept = List.copyOf(kept);
        positions = List.copyOf(positions);
    }
}
