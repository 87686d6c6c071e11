package io.strongroom.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads the JSON shapes of policy elements, collecting a problem for each shape that is wrong. */
final class ElementReader {
    final List<String> problems = new ArrayList<>();

    /** A string or an array of strings; condition values may also be numbers or booleans. */
    List<String> strings(JsonNode node, String where) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode each : node) {
                values.add(scalar(each, where));
            }
        } else {
            values.add(scalar(node, where));
        }
        return values;
    }

    private String scalar(JsonNode node, String where) {
        if (node.isTextual() || node.isNumber() || node.isBoolean()) {
            return node.asText();
        }
        problems.add(where + " must be a string or an array of strings.");
        return "";
    }

    String text(JsonNode node, String where) {
        if (!node.isTextual()) {
            problems.add(where + " must be a string.");
            return null;
        }
        return node.asText();
    }

    void unknownMembers(JsonNode node, Set<String> known, String where) {
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                problems.add(where + " has the unknown element " + name + ".");
            }
        });
    }
}
