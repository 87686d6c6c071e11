package io.strongroom.core.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * ValidateResourcePolicy's checks on a policy that parses: its grammar (every problem the parser
 * found) and whether it grants broad access. A policy with no finding passes.
 */
public final class PolicyValidation {
    public static final String SYNTAX_CHECK = "SYNTAX_CHECK";
    public static final String BROAD_ACCESS_CHECK = "BROAD_ACCESS_CHECK";

    /** One failed check, as ValidationErrorsEntry {CheckName, ErrorMessage}. */
    public record Finding(String checkName, String errorMessage) {}

    private PolicyValidation() {}

    /** @param parsed a policy that is not {@link ParsedPolicy#malformed()} */
    public static List<Finding> findings(ParsedPolicy parsed) {
        if (parsed.malformed()) {
            throw new IllegalArgumentException("a malformed policy has no findings, it is refused");
        }
        List<Finding> findings = new ArrayList<>();
        parsed.problems().forEach(problem -> findings.add(new Finding(SYNTAX_CHECK, problem)));
        if (findings.isEmpty() && PublicAccess.grantsBroadAccess(parsed.document())) {
            findings.add(new Finding(BROAD_ACCESS_CHECK, PublicAccess.BROAD_ACCESS));
        }
        return findings;
    }
}
