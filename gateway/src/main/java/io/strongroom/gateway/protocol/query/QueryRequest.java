package io.strongroom.gateway.protocol.query;

import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.error.RejectedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Recognises a request of the AWS Query protocol and collects its parameters: {@code GET /} with
 * {@code Action} in the query string, or {@code POST /} with a form body
 * ({@code application/x-www-form-urlencoded}); on a POST the query string's parameters count too.
 */
public final class QueryRequest {
    public static final String FORM = "application/x-www-form-urlencoded";

    private QueryRequest() {}

    /** True when the request uses the Query protocol rather than JSON 1.1. */
    public static boolean isQuery(HttpServerRequest request) {
        if (!"/".equals(request.path())) {
            return false;
        }
        if (request.method() == HttpMethod.GET) {
            return request.params().contains("Action");
        }
        return request.method() == HttpMethod.POST && isForm(request.getHeader("Content-Type"));
    }

    /** Every parameter of the query string and (for a POST) the form body, decoded, in arrival order. */
    public static Map<String, List<String>> parameters(HttpServerRequest request, byte[] body) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        decode(request.query(), parameters);
        if (request.method() == HttpMethod.POST) {
            decode(new String(body, StandardCharsets.UTF_8), parameters);
        }
        return parameters;
    }

    public static Optional<String> action(Map<String, List<String>> parameters) {
        List<String> values = parameters.get("Action");
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }

    private static boolean isForm(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String media = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        return FORM.equals(media.toLowerCase(Locale.ROOT));
    }

    private static void decode(String encoded, Map<String, List<String>> into) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decoded(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decoded(pair.substring(eq + 1));
            into.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
    }

    private static String decoded(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new RejectedException(AwsErrorCode.SERIALIZATION, "The request has malformed percent-encoding.");
        }
    }
}
