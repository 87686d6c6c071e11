package io.strongroom.gateway.operations;

import io.strongroom.core.query.SecretFilter;
import io.strongroom.core.validation.Constraints;
import io.strongroom.core.validation.RequestLimits;
import io.strongroom.gateway.protocol.JsonRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and validates the Filters of ListSecrets and BatchGetSecretValue against the API model (at
 * most 10 filters, a known Key, 1–10 Values of at most 512 characters matching the model's
 * pattern). Matching is core's {@link io.strongroom.core.query.SecretFilters}, applied by the
 * projection while it scans, so pages stay correct.
 */
final class ListFilters {
    static final String VALUE_PATTERN = "^\\!?[a-zA-Z0-9 :_@\\/\\+\\=\\.\\-\\!]*$";

    private ListFilters() {}

    /** The filters, or null when the request has no Filters member. */
    static List<SecretFilter> read(JsonRequest request, Constraints constraints) {
        List<JsonRequest> items = request.structures("Filters");
        if (items == null) {
            return null;
        }
        constraints.size("filters", items, 0, RequestLimits.FILTERS_MAX);
        List<SecretFilter> filters = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String member = "filters." + (i + 1) + ".member.";
            String key = items.get(i).string("Key");
            List<String> values = items.get(i).strings("Values");
            constraints.oneOf(member + "key", key, SecretFilter.KEYS)
                    .size(member + "values", values, 1, RequestLimits.FILTER_VALUES_MAX);
            List<String> checked = values == null ? List.of() : values;
            for (int j = 0; j < checked.size(); j++) {
                String valueMember = member + "values." + (j + 1) + ".member";
                constraints.length(valueMember, checked.get(j), 0, RequestLimits.FILTER_VALUE_MAX)
                        .pattern(valueMember, checked.get(j), VALUE_PATTERN);
            }
            filters.add(new SecretFilter(key, checked));
        }
        return filters;
    }
}
