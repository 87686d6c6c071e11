package io.strongroom.core.validation;

/**
 * The size limits of the Secrets Manager API (model 2017-10-17), in one place so the gateway's
 * checks and their messages cannot drift apart. Lengths are characters unless named bytes.
 */
public final class RequestLimits {
    public static final int NAME_MAX = 512;
    public static final int SECRET_ID_MAX = 2048;
    public static final int DESCRIPTION_MAX = 2048;
    public static final int KMS_KEY_ID_MAX = 2048;
    /** SecretString (UTF-8 bytes) and SecretBinary (decoded bytes): at least 1, at most 64 KiB. */
    public static final int SECRET_VALUE_MAX_BYTES = 65536;
    public static final int CLIENT_REQUEST_TOKEN_MIN = 32;
    public static final int CLIENT_REQUEST_TOKEN_MAX = 64;
    public static final int VERSION_ID_MIN = 32;
    public static final int VERSION_ID_MAX = 64;
    public static final int VERSION_STAGES_MAX = 20;
    public static final int VERSION_STAGE_MAX = 256;
    public static final int TAGS_MAX = 50;
    public static final int TAG_KEY_MAX = 128;
    public static final int TAG_VALUE_MAX = 256;
    public static final int RECOVERY_WINDOW_MIN_DAYS = 7;
    public static final int RECOVERY_WINDOW_MAX_DAYS = 30;
    public static final int MAX_RESULTS_MIN = 1;
    public static final int MAX_RESULTS_MAX = 100;
    public static final int NEXT_TOKEN_MAX = 4096;
    public static final int FILTERS_MAX = 10;
    public static final int FILTER_VALUES_MAX = 10;
    public static final int FILTER_VALUE_MAX = 512;
    public static final int RESOURCE_POLICY_MAX = 20480;
    /** BatchGetSecretValue: SecretIdList holds 1–20 ids; MaxResults is 1–20. */
    public static final int BATCH_SECRET_IDS_MAX = 20;
    public static final int BATCH_MAX_RESULTS_MAX = 20;

    private RequestLimits() {}
}
