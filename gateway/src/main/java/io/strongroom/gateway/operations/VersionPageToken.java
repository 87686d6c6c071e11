package io.strongroom.gateway.operations;

import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.error.RejectedException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * ListSecretVersionIds' NextToken: opaque to clients, base64url of a format tag and the index of the
 * next version in the secret's version order. Anything that does not decode to that is
 * InvalidNextTokenException.
 */
final class VersionPageToken {
    static final String INVALID = "The NextToken value is invalid.";
    private static final String TAG = "v1:";

    private VersionPageToken() {}

    static String at(int index) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((TAG + index).getBytes(StandardCharsets.UTF_8));
    }

    /** The index a token points at; 0 for no token. */
    static int index(String token) {
        if (token == null) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith(TAG)) {
                int index = Integer.parseInt(text.substring(TAG.length()));
                if (index > 0) {
                    return index;
                }
            }
        } catch (IllegalArgumentException e) {
            // not base64, or not a number: invalid like any other foreign token
        }
        throw new RejectedException(AwsErrorCode.INVALID_NEXT_TOKEN, INVALID);
    }
}
