package io.strongroom.gateway.auth;

import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.error.RejectedException;
import java.util.Optional;

/**
 * Authentication before SigV4 exists: the caller is whoever the access key id in the Authorization
 * header belongs to. The signature is not verified yet. In dev mode an unknown or missing key is
 * the default identity; otherwise it is refused with the error AWS gives.
 */
public final class AccessKeyAuthenticator implements Authenticator {
    static final String MISSING = "Missing Authentication Token";
    static final String INCOMPLETE = "Authorization header requires 'Credential' parameter. "
            + "Authorization=" + AuthorizationHeader.ALGORITHM + " Credential=<access key>/<date>/<region>/secretsmanager/aws4_request";
    static final String UNRECOGNIZED = "The security token included in the request is invalid.";

    private final AccessKeyAccounts accounts;

    public AccessKeyAuthenticator(AccessKeyAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Caller authenticate(SignedRequest request) {
        String header = request.header("Authorization");
        Optional<AuthorizationHeader.Credential> credential = AuthorizationHeader.credential(header);
        String accessKeyId = credential.map(AuthorizationHeader.Credential::accessKeyId).orElse(null);
        Optional<AccessKeyAccounts.Identity> known = accounts.find(accessKeyId);
        if (known.isPresent()) {
            return new Caller(known.get().accountId(), known.get().principalArn(), accessKeyId,
                    known.get().identityPolicy());
        }
        Optional<AccessKeyAccounts.Identity> dev = accounts.devDefault();
        if (dev.isPresent()) {
            return new Caller(dev.get().accountId(), dev.get().principalArn(), accessKeyId, dev.get().identityPolicy());
        }
        if (header == null) {
            throw new RejectedException(AwsErrorCode.MISSING_AUTHENTICATION_TOKEN, MISSING);
        }
        if (credential.isEmpty()) {
            throw new RejectedException(AwsErrorCode.INCOMPLETE_SIGNATURE, INCOMPLETE);
        }
        throw new RejectedException(AwsErrorCode.UNRECOGNIZED_CLIENT, UNRECOGNIZED);
    }
}
