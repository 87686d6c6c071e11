package io.strongroom.core.query;

import java.util.List;

/**
 * One ListSecrets / BatchGetSecretValue filter as the API model defines it: a key ({@code description,
 * name, tag-key, tag-value, primary-region, owning-service, all}) and 1–10 values, any of which may
 * start with {@code !} to negate it. Matching is {@link SecretFilters}' job.
 */
public record SecretFilter(String key, List<String> values) {
    public static final List<String> KEYS =
            List.of("description", "name", "tag-key", "tag-value", "primary-region", "owning-service", "all");

    public SecretFilter {
        values = values == null ? List.of() : List.copyOf(values);
    }
}
