package io.strongroom.core.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the IAM policy language: Version, Id, Statement (one object or an array) with Sid, Effect,
 * Principal / NotPrincipal, Action / NotAction, Resource / NotResource and Condition. Element names
 * are case-sensitive, as in IAM. A resource policy needs a Principal in every statement; an
 * identity policy must have none.
 */
public final class PolicyParser {
    public static final String VERSION_2012 = "2012-10-17";
    public static final String SYNTAX_ERROR = "This resource policy contains a syntax error.";
    public static final String UNSUPPORTED_PRINCIPAL = "This resource policy contains an unsupported principal.";
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final Set<String> TOP_LEVEL = Set.of("Version", "Id", "Statement");
    private static final Set<String> STATEMENT = Set.of("Sid", "Effect", "Principal", "NotPrincipal", "Action",
            "NotAction", "Resource", "NotResource", "Condition");
    private static final Set<String> PRINCIPAL_TYPES = Set.of("AWS", "Service", "Federated", "CanonicalUser");

    private final boolean resourcePolicy;
    private final List<String> problems = new ArrayList<>();

    private PolicyParser(boolean resourcePolicy) {
        this.resourcePolicy = resourcePolicy;
    }

    public static ParsedPolicy resourcePolicy(String text) {
        return new PolicyParser(true).parse(text);
    }

    public static ParsedPolicy identityPolicy(String text) {
        return new PolicyParser(false).parse(text);
    }

    private ParsedPolicy parse(String text) {
        JsonNode root;
        try {
            root = text == null ? null : STRICT.readTree(text);
        } catch (JsonProcessingException e) {
            return ParsedPolicy.unreadable(SYNTAX_ERROR);
        }
        if (root == null || !root.isObject()) {
            return ParsedPolicy.unreadable(SYNTAX_ERROR);
        }
        unknownMembers(root, TOP_LEVEL, "policy");
        String version = root.has("Version") ? text(root.get("Version"), "Version") : null;
        if (version != null && !version.equals(VERSION_2012) && !version.equals("2008-10-17")) {
            problems.add("The policy Version " + version + " is not supported; use " + VERSION_2012 + ".");
        }
        List<Statement> statements = new ArrayList<>();
        JsonNode statementNode = root.get("Statement");
        if (statementNode == null || statementNode.isArray() && statementNode.isEmpty()) {
            problems.add("The policy must contain at least one Statement.");
        } else if (statementNode.isObject()) {
            statement(statementNode, 1).ifPresent(statements::add);
        } else if (statementNode.isArray()) {
            int n = 0;
            for (JsonNode each : statementNode) {
                n++;
                if (each.isObject()) {
                    statement(each, n).ifPresent(statements::add);
                } else {
                    problems.add("Statement " + n + " must be a JSON object.");
                }
            }
        } else {
            problems.add("The Statement element must be an object or an array of objects.");
        }
        return new ParsedPolicy(new PolicyDocument(version, statements), problems);
    }

    private Optional<Statement> statement(JsonNode node, int n) {
        int before = problems.size();
        String where = "Statement " + n;
        unknownMembers(node, STATEMENT, where);
        String sid = node.has("Sid") ? text(node.get("Sid"), where + " Sid") : null;
        Effect effect = effect(node.get("Effect"), where);
        boolean notPrincipal = node.has("NotPrincipal");
        Principals principals = principal(node, where);
        boolean notAction = node.has("NotAction");
        List<String> actions = oneOf(node, "Action", "NotAction", where);
        for (String action : actions) {
            if (!action.equals("*") && !action.matches("[A-Za-z0-9-]+:[A-Za-z0-9*?]*")) {
                problems.add(where + " has an invalid action " + action + ".");
            }
        }
        boolean notResource = node.has("NotResource");
        List<String> resources = oneOf(node, "Resource", "NotResource", where);
        for (String resource : resources) {
            if (!resource.equals("*") && !resource.startsWith("arn:")) {
                problems.add(where + " has an invalid resource " + resource + ".");
            }
        }
        List<Condition> conditions = conditions(node.get("Condition"), where);
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Statement(sid, effect, principals, notPrincipal, actions, notAction, resources,
                notResource, conditions));
    }

    private Effect effect(JsonNode node, String where) {
        if (node == null) {
            problems.add(where + " is missing the Effect element.");
            return null;
        }
        String value = node.isTextual() ? node.asText() : "";
        if (value.equals("Allow")) {
            return Effect.ALLOW;
        }
        if (value.equals("Deny")) {
            return Effect.DENY;
        }
        problems.add(where + " has an invalid Effect; use Allow or Deny.");
        return null;
    }

    private Principals principal(JsonNode statement, String where) {
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
            problems.add(UNSUPPORTED_PRINCIPAL);
            return null;
        }
        List<String> aws = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> type = it.next();
            List<String> values = strings(type.getValue(), where + " Principal");
            if (!PRINCIPAL_TYPES.contains(type.getKey())) {
                problems.add(UNSUPPORTED_PRINCIPAL);
            } else if (type.getKey().equals("AWS")) {
                values.stream().filter(v -> !Principals.isValidAws(v)).findFirst()
                        .ifPresent(v -> problems.add(UNSUPPORTED_PRINCIPAL));
                aws.addAll(values);
            } else {
                others.addAll(values);
            }
        }
        return new Principals(aws.contains("*") && aws.size() == 1 && others.isEmpty(), aws, others);
    }

    private List<Condition> conditions(JsonNode node, String where) {
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
                List<String> values = strings(key.getValue(), where + " Condition " + key.getKey());
                if (operator.get().test() == ConditionTest.IP_ADDRESS || operator.get().test() == ConditionTest.NOT_IP_ADDRESS) {
                    values.stream().filter(v -> !Cidr.isValid(v)).findFirst().ifPresent(v ->
                            problems.add(where + " has an invalid IP address range " + v + "."));
                }
                conditions.add(new Condition(operator.get(), key.getKey(), values));
            }
        }
        return conditions;
    }

    private List<String> oneOf(JsonNode statement, String element, String negated, String where) {
        if (statement.has(element) && statement.has(negated)) {
            problems.add(where + " has both " + element + " and " + negated + ".");
            return List.of();
        }
        JsonNode node = statement.has(element) ? statement.get(element) : statement.get(negated);
        if (node == null) {
            problems.add(where + " is missing the " + element + " element.");
            return List.of();
        }
        List<String> values = strings(node, where + " " + element);
        if (values.isEmpty()) {
            problems.add(where + " has an empty " + element + " element.");
        }
        return values;
    }

    /** A string or an array of strings; condition values may also be numbers or booleans. */
    private List<String> strings(JsonNode node, String where) {
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

    private String text(JsonNode node, String where) {
        if (!node.isTextual()) {
            problems.add(where + " must be a string.");
            return null;
        }
        return node.asText();
    }

    private void unknownMembers(JsonNode node, Set<String> known, String where) {
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                problems.add(where + " has the unknown element " + name + ".");
            }
        });
    }
}
