package io.strongroom.gateway.operations;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strongroom.core.query.ListQuery;
import io.strongroom.core.query.SecretFilter;
import io.strongroom.core.query.SortOrder;
import io.strongroom.core.secret.SecretState;
import io.strongroom.core.validation.Constraints;
import io.strongroom.core.validation.RequestLimits;
import io.strongroom.gateway.auth.Caller;
import io.strongroom.gateway.protocol.JsonRequest;
import io.strongroom.gateway.protocol.WireJson;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * ListSecrets: one page of the caller's secrets by CreatedDate (SortOrder asc, the default, or
 * desc), MaxResults 1–100 (default 100). Secrets scheduled for deletion are left out unless
 * IncludePlannedDeletion is true. The projection applies Filters while it scans, so a page may hold
 * fewer than MaxResults entries (even none) while NextToken still leads on, as AWS documents, but
 * following the tokens never skips a match. Only the caller's own
 * account is listed, whatever resource policies other accounts' secrets carry (as AWS does).
 */
public final class ListSecrets implements Operation {
    private final OperationContext context;

    public ListSecrets(OperationContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "ListSecrets";
    }

    @Override
    public CompletableFuture<ObjectNode> handle(Caller caller, JsonRequest request) {
        Integer maxResults = request.integer("MaxResults");
        String nextToken = request.string("NextToken");
        Boolean includePlannedDeletion = request.bool("IncludePlannedDeletion");
        String sortOrder = request.string("SortOrder");
        Constraints constraints = new Constraints()
                .range("maxResults", maxResults == null ? null : maxResults.longValue(),
                        RequestLimits.MAX_RESULTS_MIN, RequestLimits.MAX_RESULTS_MAX)
                .length("nextToken", nextToken, 1, RequestLimits.NEXT_TOKEN_MAX)
                .oneOf("sortOrder", sortOrder, List.of("asc", "desc"));
        List<SecretFilter> filters = ListFilters.read(request, constraints);
        Checks.require(constraints);
        context.authorizer().requireAllowedOnNoSecret(caller, request.origin(), name());

        int limit = maxResults == null ? RequestLimits.MAX_RESULTS_MAX : maxResults;
        ListQuery query = new ListQuery(caller.accountId(), limit, nextToken, filters,
                Boolean.TRUE.equals(includePlannedDeletion), SortOrder.fromWire(sortOrder));
        return context.reader().listSecrets(query).thenApply(page -> {
            ObjectNode response = WireJson.object();
            ArrayNode list = response.putArray("SecretList");
            for (SecretState state : page.secrets()) {
                if (state.account().equals(caller.accountId())) {
                    list.add(SecretShapes.listEntry(state, page.lastAccessed().get(state.secretId())));
                }
            }
            if (page.nextToken() != null) {
                response.put("NextToken", page.nextToken());
            }
            return response;
        });
    }
}
