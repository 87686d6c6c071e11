package io.strongroom.gateway.protocol;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.error.RejectedException;
import io.strongroom.gateway.auth.SignedRequest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reading the parts of a JSON 1.1 request: its media type, its body as a JSON object, its signed parts. */
final class WireRequest {
    static final Set<String> JSON_TYPES = Set.of("application/x-amz-json-1.1", "application/x-amz-json-1.0",
            "application/json");

    private WireRequest() {}

    /** True for the JSON media types, parameters such as {@code charset} ignored. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String media = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        return JSON_TYPES.contains(media.toLowerCase(Locale.ROOT));
    }

    /** The body as a JSON object; an empty body is {@code {}}. Anything else is a SerializationException. */
    static ObjectNode object(byte[] bytes) {
        if (bytes.length == 0) {
            return WireJson.object();
        }
        JsonNode node;
        try {
            node = WireJson.MAPPER.readTree(bytes);
        } catch (JacksonException e) {
            throw new RejectedException(AwsErrorCode.SERIALIZATION, "The request body is not valid JSON.");
        } catch (IOException e) {
            throw new RejectedException(AwsErrorCode.SERIALIZATION, "The request body could not be read.");
        }
        if (node == null || node.isMissingNode()) {
            return WireJson.object();
        }
        if (!node.isObject()) {
            throw new RejectedException(AwsErrorCode.SERIALIZATION,
                    "The request body must be a JSON object, not " + node.getNodeType() + ".");
        }
        return (ObjectNode) node;
    }

    private static List<String> concat(List<String> first, List<String> more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(more);
        return List.copyOf(all);
    }

    static SignedRequest signed(HttpServerRequest request, byte[] body) {
        Map<String, List<String>> headers = new HashMap<>(32);
        // one immutable list per name (a repeated header, rare, gets a longer copy): no ArrayList per header
        request.headers().forEach(h ->
                headers.merge(h.getKey().toLowerCase(Locale.ROOT), List.of(h.getValue()), WireRequest::concat));
        // HTTP/2 (an h2c upgrade, as Java's HttpClient attempts) carries the host as :authority; SigV4 signs it as host
        if (!headers.containsKey("host") && request.authority() != null) {
            HostAndPort authority = request.authority();
            headers.put("host", List.of(authority.host() + (authority.port() >= 0 ? ":" + authority.port() : "")));
        }
        return new SignedRequest(request.method().name(), request.path(), request.query(), headers, body);
    }
}
