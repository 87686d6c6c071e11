package io.strongroom.gateway.auth;

import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.error.RejectedException;
import io.strongroom.gateway.auth.sigv4.SigV4;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
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
            Instant basic = basicFormat(date);
            return basic != null ? basic : SigV4.AMZ_DATE.parse(date, Instant::from);
        } catch (DateTimeParseException e) {
            throw new RejectedException(AwsErrorCode.INCOMPLETE_SIGNATURE, "Date must be in ISO-8601 'basic format'. "
                    + "Got '" + date + "'. See http://en.wikipedia.org/wiki/ISO_8601");
        }
    }

    /**
     * {@code yyyyMMdd'T'HHmmss'Z'} read digit by digit (the formatter costs more than the signature
     * check); null for anything else, which the formatter then judges exactly as before.
     */
    private static Instant basicFormat(String date) {
        if (date == null || date.length() != 16 || date.charAt(8) != 'T' || date.charAt(15) != 'Z') {
            return null;
        }
        for (int i = 0; i < 15; i++) {
            if (i != 8 && (date.charAt(i) < '0' || date.charAt(i) > '9')) {
                return null;
            }
        }
        try {
            return LocalDateTime.of(digits(date, 0, 4), digits(date, 4, 6), digits(date, 6, 8), digits(date, 9, 11),
                    digits(date, 11, 13), digits(date, 13, 15)).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    private static int digits(String text, int from, int to) {
        return Integer.parseInt(text, from, to, 10);
    }

    /** InvalidSignatureException when the request is more than 15 minutes from now, or a presigned one expired. */
    static void check(Instant signedAt, Instant now, long expiresSeconds) {
        if (signedAt.isAfter(now.plus(SKEW))) {
            throw invalid("Signature not yet current: " + SigV4.amzDate(signedAt) + " is still later than " + SigV4.amzDate(now.plus(SKEW))
                    + " (" + SigV4.amzDate(now) + " + 15 min.)");
        }
        if (expiresSeconds >= 0) {
            if (signedAt.plusSeconds(expiresSeconds).isBefore(now)) {
                throw invalid("Signature expired: " + SigV4.amzDate(signedAt) + " is now earlier than "
                        + SigV4.amzDate(now.minusSeconds(expiresSeconds)) + " (" + SigV4.amzDate(now) + " - "
                        + expiresSeconds + " sec.)");
            }
        } else if (signedAt.isBefore(now.minus(SKEW))) {
            throw invalid("Signature expired: " + SigV4.amzDate(signedAt) + " is now earlier than "
                    + SigV4.amzDate(now.minus(SKEW))
                    + " (" + SigV4.amzDate(now) + " - 15 min.)");
        }
    }

    private static RejectedException invalid(String message) {
        return new RejectedException(AwsErrorCode.INVALID_SIGNATURE, message);
    }
}
