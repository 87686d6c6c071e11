package io.strongroom.projection.query;

import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.error.RejectedException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The ListSecrets NextToken: opaque to clients, base64url of a format tag and the CreatedDate position
 * (see the store's created index) of the last secret the page examined. A position is stable, so a
 * token survives secrets being created or deleted between pages. Anything that does not decode is
 * InvalidNextTokenException.
 */
final class NextToken {
    static final String INVALID = "The NextToken value is invalid.";
    private static final String TAG = "c1:";

    private NextToken() {}

    static String after(String position) {
        byte[] text = (TAG + position).getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text);
    }

    /** The position the previous page ended with; null for no token. */
    static String position(String token) {
        if (token == null) {
            return null;
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(token);
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            if (!text.startsWith(TAG) || text.length() == TAG.length()) {
                throw invalid();
            }
            return text.substring(TAG.length());
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw invalid();
        }
    }

    private static RejectedException invalid() {
        return new RejectedException(AwsErrorCode.INVALID_NEXT_TOKEN, INVALID);
    }
}
