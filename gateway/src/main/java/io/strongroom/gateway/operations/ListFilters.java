package io.strongroom.gateway.operations;

import io.strongroom.core.secret.SecretState;
import io.strongroom.core.secret.Tag;
import io.strongroom.core.validation.Constraints;
import io.strongroom.core.validation.RequestLimits;
import io.strongroom.gateway.protocol.JsonRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * ListSecrets' Filters: every filter must match (AND), a filter matches if any of its values does
 * (OR), a value starting with {@code !} matches when the term does not. Keys as AWS defines them:
 * name, tag-key and tag-value are case-sensitive prefixes, description a case-insensitive prefix,
 * all a case-insensitive search of every word across name, description and tags. Strongroom has no
 * replicas or owning services yet, so primary-region and owning-service match nothing.
 */
final class ListFilters {
    static final List<String> KEYS =
            List.of("description", "name", "tag-key", "tag-value", "primary-region", "owning-service", "all");
    static final String VALUE_PATTERN = "^\\!?[a-zA-Z0-9 :_@\\/\\+\\=\\.\\-\\!]*$";

    record Filter(String key, List<String> values) {}

    private ListFilters() {}

    static List<Filter> read(JsonRequest request, Constraints constraints) {
        List<JsonRequest> items = request.structures("Filters");
        if (items == null) {
            return List.of();
        }
        constraints.size("filters", items, 0, RequestLimits.FILTERS_MAX);
        List<Filter> filters = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String member = "filters." + (i + 1) + ".member.";
            String key = items.get(i).string("Key");
            List<String> values = items.get(i).strings("Values");
            constraints.oneOf(member + "key", key, KEYS).size(member + "values", values, 1, RequestLimits.FILTER_VALUES_MAX);
            List<String> checked = values == null ? List.of() : values;
            for (int j = 0; j < checked.size(); j++) {
                String valueMember = member + "values." + (j + 1) + ".member";
                constraints.length(valueMember, checked.get(j), 0, RequestLimits.FILTER_VALUE_MAX)
                        .pattern(valueMember, checked.get(j), VALUE_PATTERN);
            }
            filters.add(new Filter(key, checked));
        }
        return filters;
    }

    static boolean matches(SecretState state, List<Filter> filters) {
        return filters.stream().allMatch(filter -> filter.values().stream().anyMatch(value -> {
            boolean negated = value.startsWith("!");
            boolean hit = hit(state, filter.key(), negated ? value.substring(1) : value);
            return negated != hit;
        }));
    }

    private static boolean hit(SecretState state, String key, String term) {
        switch (key == null ? "" : key) {
            case "name":
                return state.name().startsWith(term);
            case "description":
                return state.description() != null && lower(state.description()).startsWith(lower(term));
            case "tag-key":
                return anyTag(state, tag -> tag.key() != null && tag.key().startsWith(term));
            case "tag-value":
                return anyTag(state, tag -> tag.value() != null && tag.value().startsWith(term));
            case "all":
                return everyWordSomewhere(state, term);
            default:
                return false;
        }
    }

    private static boolean everyWordSomewhere(SecretState state, String term) {
        List<String> haystack = new ArrayList<>();
        haystack.add(lower(state.name()));
        if (state.description() != null) {
            haystack.add(lower(state.description()));
        }
        for (Tag tag : state.tags()) {
            haystack.add(lower(String.valueOf(tag.key())));
            haystack.add(lower(String.valueOf(tag.value())));
        }
        for (String word : lower(term).trim().split("\\s+")) {
            if (!word.isEmpty() && haystack.stream().noneMatch(text -> text.contains(word))) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyTag(SecretState state, Predicate<Tag> test) {
        return state.tags().stream().anyMatch(test);
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
