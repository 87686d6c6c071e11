package io.strongroom.core.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
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

    private final boolean resourcePolicy;
    private final ElementReader reader = new ElementReader();
    private final List<String> problems = reader.problems;

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
        reader.unknownMembers(root, TOP_LEVEL, "policy");
        String version = root.has("Version") ? reader.text(root.get("Version"), "Version") : null;
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
        reader.unknownMembers(node, STATEMENT, where);
        String sid = node.has("Sid") ? reader.text(node.get("Sid"), where + " Sid") : null;
        Effect effect = effect(node.get("Effect"), where);
        boolean notPrincipal = node.has("NotPrincipal");
        Principals principals = PrincipalElement.read(node, where, resourcePolicy, reader);
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
        List<Condition> conditions = ConditionElement.read(node.get("Condition"), where, reader);
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
        List<String> values = reader.strings(node, where + " " + element);
        if (values.isEmpty()) {
            problems.add(where + " has an empty " + element + " element.");
        }
        return values;
    }
}
