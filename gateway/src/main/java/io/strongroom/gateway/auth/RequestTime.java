package io.strongroom.gateway.auth;

import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.error.RejectedException;
import io.strongroom.gateway.auth.sigv4.SigV4;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** When a request says it was signed, and whether that is close enough to now: AWS's ±15 minutes. */
final class RequestTime {
    static final Duration SKEW = Duration.ofMinutes(15);

    private RequestTime() {}

    /** The request's instant; IncompleteSignatureException for a date that does not parse. */
    static Instant parse(SignatureParts parts) {
        String date = parts.requestDate();
        try {
            if (parts.fromDateHeader()) {
                return ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            }
            return SigV4.AMZ_DATE.parse(date, Instant::from);
        } catch (DateTimeParseException e) {
            throw new RejectedException(AwsErrorCode.INCOMPLETE_SIGNATURE, "Date must be in ISO-8601 'basic format'. "
                    + "Got '" + date + "'. See http://en.wikipedia.org/wiki/ISO_8601");
        }
    }

    /** InvalidSignatureException when the request is more than 15 minutes from now, or a presigned one expired. */
    static void check(Instant signedAt, Instant now, long expiresSeconds) {
        String at = SigV4.amzDate(signedAt);
        if (signedAt.isAfter(now.plus(SKEW))) {
            throw invalid("Signature not yet current: " + at + " is still later than " + SigV4.amzDate(now.plus(SKEW))
                    + " (" + SigV4.amzDate(now) + " + 15 min.)");
        }
        if (expiresSeconds >= 0) {
            if (signedAt.plusSeconds(expiresSeconds).isBefore(now)) {
                throw invalid("Signature expired: " + at + " is now earlier than "
                        + SigV4.amzDate(now.minusSeconds(expiresSeconds)) + " (" + SigV4.amzDate(now) + " - "
                        + expiresSeconds + " sec.)");
            }
        } else if (signedAt.isBefore(now.minus(SKEW))) {
            throw invalid("Signature expired: " + at + " is now earlier than " + SigV4.amzDate(now.minus(SKEW))
                    + " (" + SigV4.amzDate(now) + " - 15 min.)");
        }
    }

    private static RejectedException invalid(String message) {
        return new RejectedException(AwsErrorCode.INVALID_SIGNATURE, message);
    }
}
