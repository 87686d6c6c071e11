package io.strongroom.gateway.operations;

/** Error texts the gateway answers with, verbatim from AWS where AWS has one. */
final class Messages {
    static final String NOT_FOUND = "Secrets Manager can't find the specified secret.";
    static final String MARKED_FOR_DELETION =
            "You can't perform this operation on the secret because it was marked for deletion.";
    static final String VERSION_IMMUTABLE =
            "You can't modify an existing version, you can only create a new version.";
    static final String STAGE_NOT_ON_VERSION =
            "You provided a VersionStage that is not associated to the provided VersionId.";
    static final String DECRYPTION_FAILURE =
            "Secrets Manager can't decrypt the protected secret text using the provided KMS key.";
    static final String ENCRYPTION_FAILURE = "Secrets Manager can't encrypt the protected secret text using the "
            + "provided KMS key. Check that the KMS key is available, enabled, and not in an invalid state.";
    static final String INVALID_KMS_KEY = "The operation failed because of an invalid KMS key: Invalid keyId ";
    static final String TIMED_OUT =
            "The request could not be confirmed in time. Retry it with the same ClientRequestToken.";
    static final String NOT_RECORDED = "The request could not be recorded. Retry the request.";
    static final String NO_PROJECTION = "Secrets Manager is not ready to serve requests. Retry the request.";

    static final String ID_LIST_XOR_FILTERS = "Either 'SecretIdList' or 'Filters' must be provided, but not both.";
    static final String MAX_RESULTS_NEEDS_FILTERS =
            "'Filters' not specified. 'Filters' must also be specified when 'MaxResults' is provided.";
    static final String NEXT_TOKEN_NEEDS_FILTERS =
            "'Filters' not specified. 'Filters' must also be specified when 'NextToken' is provided.";

    private Messages() {}

    static String valueNotFoundForVersion(String versionId) {
        return "Secrets Manager can't find the specified secret value for VersionId: " + versionId;
    }

    static String valueNotFoundForStage(String stage) {
        return "Secrets Manager can't find the specified secret value for staging label: " + stage;
    }
}
