package io.strongroom.core.query;

import java.util.List;

/**
 * One page request of an account's secrets, in CreatedDate order.
 *
 * @param nextToken the token of the previous page, or null for the first
 * @param filters every filter must match ({@link SecretFilters}); empty for all
 * @param includePlannedDeletion whether secrets scheduled for deletion are listed
 */
public record ListQuery(String account, int maxResults, String nextToken, List<SecretFilter> filters,
        boolean includePlannedDeletion, SortOrder sortOrder) {

    public ListQuery {
        filters = filters == null ? List.of() : List.copyOf(filters);
        sortOrder = sortOrder == null ? SortOrder.ASC : sortOrder;
    }

    /** Every live secret, ascending, planned deletions included (as before filters existed). */
    public ListQuery(String account, int maxResults, String nextToken) {
        this(account, maxResults, nextToken, List.of(), true, SortOrder.ASC);
    }

    /** Whether a secret belongs on the page, apart from its position. */
    public boolean admits(io.strongroom.core.secret.SecretState state) {
        return (includePlannedDeletion || !state.isScheduledForDeletion()) && SecretFilters.matches(state, filters);
    }
}
