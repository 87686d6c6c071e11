package io.strongroom.gateway.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.strongroom.core.audit.AuditCall;
import io.strongroom.core.audit.AuditOutcome;
import io.strongroom.gateway.auth.Caller;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one answered request into its {@link AuditCall} and hands it to the sink. Called where the
 * gateway writes every answer, so each call is recorded once, allowed or denied. Reads only headers
 * and names, never a body value or the signature.
 */
public final class CallAuditor {
    private static final Logger LOG = LoggerFactory.getLogger(CallAuditor.class);
    /** Caller-supplied text (unknown targets, SecretIds, access key ids) is cut to this length. */
    static final int MAX_TEXT = 2048;

    private final AuditSink sink;
    private final Clock clock;

    public CallAuditor(AuditSink sink, Clock clock) {
        this.sink = sink;
        this.clock = clock;
    }

    /**
     * @param caller the authenticated caller, or null if authentication did not happen or failed
     * @param requested the SecretId (or Name) the request named, or null
     * @param response the answer's body on success (its {@code ARN} is the resolved resource), else null
     */
    public void answered(HttpServerRequest request, String requestId, String action, Caller caller, String requested,
            JsonNode response, int status, String errorCode) {
        try {
            JsonNode arn = response == null ? null : response.get("ARN");
            String resource = arn != null && arn.isTextual() ? arn.textValue() : requested;
            SocketAddress remote = request.remoteAddress();
            sink.record(new AuditCall(clock.instant(), requestId, cut(action),
                    caller == null ? "-" : caller.accountId(),
                    cut(caller != null && caller.accessKeyId() != null ? caller.accessKeyId() : ClaimedAccessKey.of(request)),
                    caller == null ? null : caller.principalArn(), cut(resource), AuditOutcome.of(status, errorCode),
                    errorCode, status, remote == null ? null : remote.hostAddress()));
        } catch (RuntimeException e) {
            LOG.error("request {} could not be audited: {}", requestId, e.toString());
        }
    }

    /** The SecretId, or for CreateSecret the Name, a request body names; null if none. */
    public static String requested(JsonNode body) {
        for (String member : new String[] {"SecretId", "Name"}) {
            JsonNode node = body.get(member);
            if (node != null && node.isTextual()) {
                return node.textValue();
            }
        }
        return null;
    }

    private static String cut(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }
}
