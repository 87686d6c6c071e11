package io.strongroom.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a statement's Principal or NotPrincipal: {@code "*"}, or an object of principal types
 * (AWS, Service, Federated, CanonicalUser) to a value or a list. Resource policies need one;
 * identity policies must have none.
 */
final class PrincipalElement {
    private static final Set<String> PRINCIPAL_TYPES = Set.of("AWS", "Service", "Federated", "CanonicalUser");

    private PrincipalElement() {}

    static Principals read(JsonNode statement, String where, boolean resourcePolicy, ElementReader reader) {
        List<String> problems = reader.problems;
        if (statement.has("Principal") && statement.has("NotPrincipal")) {
            problems.add(where + " has both Principal and NotPrincipal.");
            return null;
        }
        JsonNode node = statement.has("Principal") ? statement.get("Principal") : statement.get("NotPrincipal");
        if (node == null) {
            if (resourcePolicy) {
                problems.add(where + " is missing the Principal element.");
            }
            return null;
        }
        if (!resourcePolicy) {
            problems.add(where + " has a Principal element, which an identity-based policy cannot have.");
            return null;
        }
        if (node.isTextual() && node.asText().equals("*")) {
            return new Principals(true, List.of(), List.of());
        }
        if (!node.isObject() || node.isEmpty()) {
            problems.add(PolicyParser.UNSUPPORTED_PRINCIPAL);
            return null;
        }
        List<String> aws = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> type = it.next();
            List<String> values = reader.strings(type.getValue(), where + " Principal");
            if (!PRINCIPAL_TYPES.contains(type.getKey()) || values.isEmpty()) {
                problems.add(PolicyParser.UNSUPPORTED_PRINCIPAL);
            } else if (type.getKey().equals("AWS")) {
                values.stream().filter(v -> !Principals.isValidAws(v)).findFirst()
                        .ifPresent(v -> problems.add(PolicyParser.UNSUPPORTED_PRINCIPAL));
                aws.addAll(values);
            } else {
                others.addAll(values);
            }
        }
        return new Principals(aws.contains("*") && aws.size() == 1 && others.isEmpty(), aws, others);
    }
}
