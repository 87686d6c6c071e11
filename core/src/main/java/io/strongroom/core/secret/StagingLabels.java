package io.strongroom.core.secret;

/** The staging labels Secrets Manager itself moves. */
public final class StagingLabels {
    public static final String CURRENT = "AWSCURRENT";
    public static final String PREVIOUS = "AWSPREVIOUS";
    public static final String PENDING = "AWSPENDING";

    private StagingLabels() {}
}
