package io.strongroom.core.audit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Set;

/**
 * How a call ended: {@link #SUCCESS} (2xx), {@link #DENIED} (authentication or authorization refused
 * it), or {@link #ERROR} (anything else: validation, not found, conflicts, internal failures).
 */
public enum AuditOutcome {
    SUCCESS, DENIED, ERROR;

    /**
     * The wire codes that mean "refused who you are or what you may do". Kept as wire strings, not
     * {@code AwsErrorCode} constants, so codes added by authentication code are classified without
     * touching this list as long as AWS names them so.
     */
    private static final Set<String> DENIALS = Set.of(
            "AccessDeniedException", "AccessDenied", "UnrecognizedClientException", "InvalidSignatureException",
            "IncompleteSignatureException", "MissingAuthenticationTokenException", "SignatureDoesNotMatch",
            "InvalidClientTokenId", "ExpiredTokenException", "NotAuthorized");

    public static AuditOutcome of(int httpStatus, String errorCode) {
        if (errorCode == null && httpStatus >= 200 && httpStatus < 300) {
            return SUCCESS;
        }
        return errorCode != null && DENIALS.contains(errorCode) ? DENIED : ERROR;
    }

    /** {@code success}, {@code denied}, {@code error}: the form on the audit topic. */
    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static AuditOutcome fromWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
