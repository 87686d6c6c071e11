package io.strongroom.gateway.protocol.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.error.RejectedException;
import io.strongroom.gateway.protocol.WireJson;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the flat parameters of an AWS Query request into the request tree the JSON operations
 * read. AWS Query encodes lists as {@code Name.member.N} (N from 1), lists of structures as
 * {@code Name.member.N.Field}, and maps as {@code Name.entry.N.key} / {@code Name.entry.N.value}.
 * Every leaf stays text; {@link io.strongroom.gateway.protocol.JsonRequest#fromQuery} reads numbers
 * and booleans from text.
 *
 * <p>{@code Action}, {@code Version} and the SigV4 query parameters ({@code X-Amz-*}) are protocol
 * parameters, not members, and are left out. A name that mixes encodings (both {@code A=1} and
 * {@code A.member.1=x}) is a SerializationException; a list with a gap in its indexes keeps its order.
 */
public final class QueryParameters {
    private QueryParameters() {}

    /** @param parameters name → values, as decoded from the query string and form body */
    public static ObjectNode toTree(Map<String, List<String>> parameters) {
        Node root = new Node();
        parameters.forEach((name, values) -> {
            if (isProtocolParameter(name) || values.isEmpty()) {
                return;
            }
            root.put(List.of(name.split("\\.", -1)), 0, values.get(values.size() - 1), name);
        });
        JsonNode tree = root.toJson();
        return tree.isObject() ? (ObjectNode) tree : WireJson.object();
    }

    static boolean isProtocolParameter(String name) {
        return name.equals("Action") || name.equals("Version") || name.startsWith("X-Amz-");
    }

    /** A tree node: a leaf value, or children by path segment. */
    private static final class Node {
        private String value;
        private final Map<String, Node> children = new TreeMap<>(Node::compareSegments);

        void put(List<String> path, int at, String leaf, String name) {
            if (at == path.size()) {
                if (!children.isEmpty()) {
                    throw mixed(name);
                }
                value = leaf;
                return;
            }
            if (value != null) {
                throw mixed(name);
            }
            children.computeIfAbsent(path.get(at), k -> new Node()).put(path, at + 1, leaf, name);
        }

        JsonNode toJson() {
            if (value != null) {
                return WireJson.MAPPER.getNodeFactory().textNode(value);
            }
            if (children.size() == 1 && children.containsKey("member")) {
                ArrayNode list = WireJson.MAPPER.createArrayNode();
                children.get("member").children.values().forEach(item -> list.add(item.toJson()));
                return list;
            }
            if (children.size() == 1 && children.containsKey("entry")) {
                ObjectNode map = WireJson.object();
                for (Node entry : children.get("entry").children.values()) {
                    Node key = entry.children.get("key");
                    Node value = entry.children.get("value");
                    if (key != null && key.value != null) {
                        map.set(key.value, value == null ? WireJson.MAPPER.nullNode() : value.toJson());
                    }
                }
                return map;
            }
            ObjectNode structure = WireJson.object();
            children.forEach((segment, child) -> structure.set(segment, child.toJson()));
            return structure;
        }

        /** List indexes in numeric order (2 before 10); names alphabetically. */
        private static int compareSegments(String a, String b) {
            boolean an = isIndex(a);
            boolean bn = isIndex(b);
            if (an && bn) {
                return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
            }
            return an == bn ? a.compareTo(b) : (an ? -1 : 1);
        }

        private static boolean isIndex(String segment) {
            return !segment.isEmpty() && segment.chars().allMatch(Character::isDigit);
        }

        private static RejectedException mixed(String name) {
            return new RejectedException(AwsErrorCode.SERIALIZATION,
                    "Parameter '" + name + "' is given both as a value and as a list or structure.");
        }
    }
}
