package io.strongroom.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a statement's Condition block: operator to (key to value or list). Unknown operators and
 * unreadable IP ranges are problems; values may be strings, numbers or booleans.
 */
final class ConditionElement {
    private ConditionElement() {}

    static List<Condition> read(JsonNode node, String where, ElementReader reader) {
        List<String> problems = reader.problems;
        List<Condition> conditions = new ArrayList<>();
        if (node == null) {
            return conditions;
        }
        if (!node.isObject()) {
            problems.add(where + " has a Condition that is not a JSON object.");
            return conditions;
        }
        for (Iterator<Map.Entry<String, JsonNode>> ops = node.fields(); ops.hasNext();) {
            Map.Entry<String, JsonNode> op = ops.next();
            Optional<ConditionOperator> operator = ConditionOperator.parse(op.getKey());
            if (operator.isEmpty()) {
                problems.add(where + " uses the unsupported condition operator " + op.getKey() + ".");
                continue;
            }
            if (!op.getValue().isObject() || op.getValue().isEmpty()) {
                problems.add(where + " has no condition keys under " + op.getKey() + ".");
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> keys = op.getValue().fields(); keys.hasNext();) {
                Map.Entry<String, JsonNode> key = keys.next();
                List<String> values = reader.strings(key.getValue(), where + " Condition " + key.getKey());
                if (operator.get().test() == ConditionTest.IP_ADDRESS || operator.get().test() == ConditionTest.NOT_IP_ADDRESS) {
                    values.stream().filter(v -> !Cidr.isValid(v)).findFirst().ifPresent(v ->
                            problems.add(where + " has an invalid IP address range " + v + "."));
                }
                conditions.add(new Condition(operator.get(), key.getKey(), values));
            }
        }
        return conditions;
    }
}
