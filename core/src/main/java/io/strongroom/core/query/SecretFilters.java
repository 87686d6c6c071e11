package io.strongroom.core.query;

import io.strongroom.core.secret.SecretState;
import io.strongroom.core.secret.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a secret passes ListSecrets' Filters. Every filter must match (AND); a filter matches if
 * any of its values does (OR); a value {@code !term} matches when {@code term} matches none of the
 * filter's attributes.
 *
 * <ul>
 *   <li>{@code name}, {@code tag-key}, {@code tag-value}: case-sensitive prefix of the whole attribute.
 *   <li>{@code description}: every word of the term is a prefix (ignoring case) of some word of the
 *       description. The API reference says "prefix match, not case-sensitive"; the user guide and
 *       observed behaviour match words ("My Description" finds "Description of my secret"). Word
 *       matching also finds every case-insensitive prefix, so it is the superset we use.
 *   <li>{@code all}: every word of the term is a prefix (ignoring case) of some word of the name,
 *       description, tag keys or tag values ({@link SearchWords} splits the words).
 *   <li>{@code primary-region}: case-sensitive prefix of the PrimaryRegion DescribeSecret shows (a
 *       replica's primary region, a primary's own region while it has replicas); a secret that takes
 *       no part in replication has none, so only a negated value matches it.
 *   <li>{@code owning-service}: Strongroom has no service-owned secrets, so the attribute is absent
 *       and only a negated value matches.
 * </ul>
 */
public final class SecretFilters {
    private SecretFilters() {}

    public static boolean matches(SecretState state, List<SecretFilter> filters) {
        if (filters == null) {
            return true;
        }
        for (SecretFilter filter : filters) {
            if (!matches(state, filter)) {
                return false;
            }
        }
        return true;
    }

    static boolean matches(SecretState state, SecretFilter filter) {
        for (String value : filter.values()) {
            boolean negated = value.startsWith("!");
            boolean hit = hit(state, filter.key(), negated ? value.substring(1) : value);
            if (negated != hit) {
                return true;
            }
        }
        return false;
    }

    private static boolean hit(SecretState state, String key, String term) {
        switch (key == null ? "" : key) {
            case "name":
                return state.name().startsWith(term);
            case "tag-key":
                return state.tags().stream().anyMatch(tag -> tag.key() != null && tag.key().startsWith(term));
            case "tag-value":
                return state.tags().stream().anyMatch(tag -> tag.value() != null && tag.value().startsWith(term));
            case "description":
                return state.description() != null && wordsFound(term, SearchWords.of(state.description()));
            case "all":
                return wordsFound(term, allWords(state));
            case "primary-region":
                return state.shownPrimaryRegion().filter(region -> region.startsWith(term)).isPresent();
            default:
                return false;
        }
    }

    /** True if every word of the term starts some word of the text; a term without words finds nothing. */
    private static boolean wordsFound(String term, List<String> textWords) {
        List<String> wanted = SearchWords.of(term);
        if (wanted.isEmpty()) {
            return false;
        }
        for (String word : wanted) {
            if (textWords.stream().noneMatch(candidate -> candidate.startsWith(word.toLowerCase(Locale.ROOT)))) {
                return false;
            }
        }
        return true;
    }

    private static List<String> allWords(SecretState state) {
        List<String> words = new ArrayList<>(SearchWords.of(state.name()));
        words.addAll(SearchWords.of(state.description()));
        for (Tag tag : state.tags()) {
            words.addAll(SearchWords.of(tag.key()));
            words.addAll(SearchWords.of(tag.value()));
        }
        return words;
    }
}
