package io.strongroom.gateway.protocol.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.strongroom.core.error.Rejection;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The XML documents the AWS Query protocol answers with, written from the same response trees the
 * JSON protocol sends:
 * {@code <ActionResponse xmlns=...><ActionResult>members</ActionResult><ResponseMetadata><RequestId>}
 * and, for errors, {@code <ErrorResponse><Error><Type>Sender|Receiver</Type><Code/><Message/></Error><RequestId/>}.
 *
 * <p>Lists are {@code <member>} elements, maps {@code <entry><key/><value/></entry>}, timestamps
 * (members named {@code ...Date}) ISO 8601, blobs base64 — AWS Query's encodings.
 */
public final class XmlResponse {
    public static final String NAMESPACE = "http://secretsmanager.amazonaws.com/doc/2017-10-17/";
    /** The response members that are maps rather than structures. */
    static final Set<String> MAP_MEMBERS = Set.of("VersionIdsToStages", "SecretVersionsToStages");

    private XmlResponse() {}

    public static String success(String action, JsonNode result, String requestId) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append('<').append(action).append("Response xmlns=\"").append(NAMESPACE).append("\">");
        xml.append('<').append(action).append("Result>");
        members(xml, result);
        xml.append("</").append(action).append("Result>");
        xml.append("<ResponseMetadata><RequestId>").append(escape(requestId)).append("</RequestId></ResponseMetadata>");
        xml.append("</").append(action).append("Response>");
        return xml.toString();
    }

    public static String error(Rejection rejection, int status, String requestId) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<ErrorResponse xmlns=\"" + NAMESPACE + "\"><Error>"
                + "<Type>" + (status >= 500 ? "Receiver" : "Sender") + "</Type>"
                + "<Code>" + escape(rejection.code().code()) + "</Code>"
                + "<Message>" + escape(rejection.message()) + "</Message>"
                + "</Error><RequestId>" + escape(requestId) + "</RequestId></ErrorResponse>";
    }

    private static void members(StringBuilder xml, JsonNode structure) {
        Iterator<Map.Entry<String, JsonNode>> fields = structure.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            element(xml, field.getKey(), field.getValue());
        }
    }

    private static void element(StringBuilder xml, String name, JsonNode value) {
        if (value == null || value.isNull()) {
            return;
        }
        xml.append('<').append(name).append('>');
        if (value.isArray()) {
            value.forEach(item -> element(xml, "member", item));
        } else if (value.isObject() && MAP_MEMBERS.contains(name)) {
            value.fields().forEachRemaining(entry -> {
                xml.append("<entry><key>").append(escape(entry.getKey())).append("</key>");
                element(xml, "value", entry.getValue());
                xml.append("</entry>");
            });
        } else if (value.isObject()) {
            members(xml, value);
        } else if (value.isNumber() && name.endsWith("Date")) {
            xml.append(iso(value.decimalValue()));
        } else {
            xml.append(escape(value.asText()));
        }
        xml.append("</").append(name).append('>');
    }

    private static String iso(BigDecimal epochSeconds) {
        long millis = epochSeconds.movePointRight(3).longValue();
        return DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochMilli(millis));
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\r' -> out.append("&#13;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
