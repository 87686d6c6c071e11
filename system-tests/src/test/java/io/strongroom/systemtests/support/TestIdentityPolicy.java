package io.strongroom.systemtests.support;

/**
 * Identity policies a test account can be given ({@link SharedRegion#newAccount(TestIdentityPolicy)}).
 * The shared cluster's identities are fixed when it starts, so each policy has a pool of accounts
 * configured with it up front.
 */
public enum TestIdentityPolicy {
    /** Every Secrets Manager action on any account's secrets (a cross-account caller needs this). */
    SECRETS_OF_ANY_ACCOUNT("""
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "secretsmanager:*", "Resource": "*"}}"""),
    /** Every action on its own secrets except reading their values. */
    NO_SECRET_VALUES("""
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": "secretsmanager:*", "Resource": "*"},
              {"Effect": "Deny", "Action": "secretsmanager:GetSecretValue", "Resource": "*"}]}""");

    static final int ACCOUNTS_EACH = 20;

    private final String json;

    TestIdentityPolicy(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }
}
