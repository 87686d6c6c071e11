package io.strongroom.gateway.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.error.RejectedException;
import io.strongroom.core.secret.Tag;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A request body read with the strict types of the API model. An absent member or a JSON null is
 * {@code null}; a member of the wrong JSON type (e.g. {@code "Description": 5}) is a
 * SerializationException, as AWS answers it. Unknown members are ignored, as AWS does.
 *
 * <p>Messages name the member and the JSON type found, never the value: it may be a secret.
 */
public final class JsonRequest {
    private final ObjectNode body;
    private final RequestOrigin origin;
    private final boolean textual;

    public JsonRequest(ObjectNode body) {
        this(body, RequestOrigin.UNKNOWN);
    }

    public JsonRequest(ObjectNode body, RequestOrigin origin) {
        this(body, origin, false);
    }

    private JsonRequest(ObjectNode body, RequestOrigin origin, boolean textual) {
        this.body = body;
        this.origin = origin;
        this.textual = textual;
    }

    /**
     * A request of the AWS Query protocol, whose parameters are all text: numbers and booleans are
     * read from their text ({@code "20"}, {@code "true"}); anything else is the same
     * SerializationException a JSON request of the wrong type gets.
     */
    public static JsonRequest fromQuery(ObjectNode parameters, RequestOrigin origin) {
        return new JsonRequest(parameters, origin, true);
    }

    /** Where the request came from, for the policy conditions that ask. */
    public RequestOrigin origin() {
        return origin;
    }

    public ObjectNode body() {
        return body;
    }

    public String string(String member) {
        JsonNode node = present(member);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            throw mismatch(member, node, "String");
        }
        return node.textValue();
    }

    public Boolean bool(String member) {
        JsonNode node = present(member);
        if (node == null) {
            return null;
        }
        if (textual && node.isTextual() && (node.textValue().equals("true") || node.textValue().equals("false"))) {
            return Boolean.valueOf(node.textValue());
        }
        if (!node.isBoolean()) {
            throw mismatch(member, node, "Boolean");
        }
        return node.booleanValue();
    }

    public Integer integer(String member) {
        JsonNode node = numeric(member);
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw mismatch(member, node, "Integer");
        }
        return node.intValue();
    }

    public Long longValue(String member) {
        JsonNode node = numeric(member);
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw mismatch(member, node, "Long");
        }
        return node.longValue();
    }

    /** A blob member: base64 text on the wire. */
    public byte[] blob(String member) {
        String text = string(member);
        if (text == null) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new RejectedException(AwsErrorCode.SERIALIZATION,
                    "Invalid base64 in member '" + member + "'.");
        }
    }

    public List<String> strings(String member) {
        JsonNode node = present(member);
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            throw mismatch(member, node, "List");
        }
        List<String> items = new ArrayList<>(node.size());
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw mismatch(member + " item", item, "String");
            }
            items.add(item.textValue());
        }
        return items;
    }

    /** A list of structures, each read by its own {@link JsonRequest}. */
    public List<JsonRequest> structures(String member) {
        JsonNode node = present(member);
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            throw mismatch(member, node, "List");
        }
        List<JsonRequest> items = new ArrayList<>(node.size());
        for (JsonNode item : node) {
            if (!item.isObject()) {
                throw mismatch(member + " item", item, "Structure");
            }
            items.add(new JsonRequest((ObjectNode) item, origin, textual));
        }
        return items;
    }

    /** {@code [{"Key": "...", "Value": "..."}]}; a missing Key stays null for the constraint check. */
    public List<Tag> tags(String member) {
        List<JsonRequest> items = structures(member);
        if (items == null) {
            return null;
        }
        List<Tag> tags = new ArrayList<>(items.size());
        for (JsonRequest item : items) {
            tags.add(new Tag(item.string("Key"), item.string("Value")));
        }
        return tags;
    }

    /** The member, with a Query request's decimal text read as the number it spells. */
    private JsonNode numeric(String member) {
        JsonNode node = present(member);
        if (textual && node != null && node.isTextual() && node.textValue().matches("-?[0-9]{1,19}")) {
            try {
                return WireJson.MAPPER.getNodeFactory().numberNode(Long.parseLong(node.textValue()));
            } catch (NumberFormatException e) {
                return node;
            }
        }
        return node;
    }

    private JsonNode present(String member) {
        JsonNode node = body.get(member);
        return node == null || node.isNull() ? null : node;
    }

    private static RejectedException mismatch(String member, JsonNode found, String expected) {
        return new RejectedException(AwsErrorCode.SERIALIZATION,
                found.getNodeType() + "_VALUE cannot be converted to " + expected + " (member '" + member + "')");
    }
}
