package io.strongroom.gateway.authz;

import io.strongroom.core.policy.ParsedPolicy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Parsed policies by their text, so a hot secret's policy is not parsed on every read. Bounded:
 * when full it starts over, which costs a re-parse, never a wrong answer (the text is the key).
 */
final class PolicyCache {
    private static final int MAX_ENTRIES = 10_000;

    private final Function<String, ParsedPolicy> parser;
    private final Map<String, ParsedPolicy> byText = new ConcurrentHashMap<>();

    PolicyCache(Function<String, ParsedPolicy> parser) {
        this.parser = parser;
    }

    ParsedPolicy get(String text) {
        ParsedPolicy cached = byText.get(text);
        if (cached != null) {
            return cached;
        }
        if (byText.size() >= MAX_ENTRIES) {
            byText.clear();
        }
        return byText.computeIfAbsent(text, parser);
    }
}
