package io.strongroom.core.policy;

import java.util.List;

/**
 * What reading a policy text gave: either it is not a JSON object at all ({@link #malformed()},
 * MalformedPolicyDocumentException wherever it is sent), or a document together with the problems
 * found in it (wrong Effect, missing elements, unknown operators, unsupported principals). A
 * document with problems is never evaluated.
 */
public record ParsedPolicy(PolicyDocument document, List<String> problems) {
    public ParsedPolicy {
        problems = List.copyOf(problems);
    }

    static ParsedPolicy unreadable(String why) {
        return new ParsedPolicy(null, List.of(why));
    }

    public boolean malformed() {
        return document == null;
    }

    public boolean valid() {
        return document != null && problems.isEmpty();
    }
}
