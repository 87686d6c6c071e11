package io.strongroom.core.arn;

import java.util.regex.Pattern;

/**
 * The Kafka key of every command and event: account plus the secret's name with every trailing
 * {@code -[A-Za-z0-9]{6}} removed. A name, its partial ARN and its full ARN share a stem, so the
 * gateway routes any SecretId without a lookup; a collision only puts two secrets on one partition.
 */
public final class RoutingStem {
    private static final Pattern TRAILING_SUFFIX = Pattern.compile("(-[A-Za-z0-9]{6})+$");

    private RoutingStem() {}

    /** The stem for a SecretId as a client gives it (name, partial ARN or full ARN) in the caller's account. */
    public static String of(String callerAccount, String secretId) {
        return SecretArn.parse(secretId)
                .map(arn -> stem(arn.account(), arn.resource()))
                .orElseGet(() -> stem(callerAccount, secretId));
    }

    public static String stem(String account, String name) {
        String stripped = TRAILING_SUFFIX.matcher(name).replaceFirst("");
        return account + "/" + stripped;
    }
}
