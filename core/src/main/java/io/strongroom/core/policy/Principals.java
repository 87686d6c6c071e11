package io.strongroom.core.policy;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A Principal element. {@code anyone} for {@code "*"} or {@code {"AWS": "*"}}; {@code aws} holds
 * account ids and IAM ARNs. Other principal types (Service, Federated, CanonicalUser) are kept
 * as {@code others} and never match: Strongroom's callers are IAM-style identities only.
 */
public record Principals(boolean anyone, List<String> aws, List<String> others) {
    static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern ACCOUNT_ROOT = Pattern.compile("arn:aws:iam::(\\d{12}):root");

    public Principals {
        aws = List.copyOf(aws);
        others = List.copyOf(others);
    }

    /** How a caller is named: not at all, through its whole account, or itself (its ARN, or {@code *}). */
    public enum Match {
        NONE,
        ACCOUNT,
        DIRECT
    }

    Match match(String principalArn, String principalAccount) {
        if (anyone) {
            return Match.DIRECT;
        }
        Match best = Match.NONE;
        for (String entry : aws) {
            if (entry.equals("*") || entry.equals(principalArn)) {
                return Match.DIRECT;
            }
            if (principalAccount.equals(accountOf(entry))) {
                best = Match.ACCOUNT;
            }
        }
        return best;
    }

    /** The account an entry stands for as a whole (an id or its root ARN); null for a user or role ARN. */
    static String accountOf(String entry) {
        if (ACCOUNT_ID.matcher(entry).matches()) {
            return entry;
        }
        var root = ACCOUNT_ROOT.matcher(entry);
        return root.matches() ? root.group(1) : null;
    }

    static boolean isValidAws(String entry) {
        return entry.equals("*") || ACCOUNT_ID.matcher(entry).matches()
                || entry.startsWith("arn:aws:iam::") || entry.startsWith("arn:aws:sts::");
    }
}
