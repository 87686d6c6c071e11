package io.strongroom.gateway.auth.sigv4;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The client's half of SigV4, for callers that cannot use an AWS SDK (raw-HTTP tests, tools): signs
 * every header it is given. Pure: the instant is a parameter.
 */
public final class RequestSigner {
    private final String accessKeyId;
    private final String secretAccessKey;
    private final String region;
    private final String service;
    /** The last day's derived key: four HMACs a request saved, as the server's cache saves them (load generator). */
    private volatile DayKey dayKey;

    private record DayKey(String date, byte[] key) {}

    public RequestSigner(String accessKeyId, String secretAccessKey, String region, String service) {
        this.accessKeyId = accessKeyId;
        this.secretAccessKey = secretAccessKey;
        this.region = region;
        this.service = service;
    }

    /**
     * The Authorization header value. {@code headers} must already hold {@code host} and
     * {@code x-amz-date} (= {@link SigV4#amzDate(Instant) amzDate(at)}).
     */
    public String authorization(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
            String payloadHash, Instant at) {
        Map<String, List<String>> lower = lowerCase(headers);
        List<String> signed = new ArrayList<>(lower.keySet());
        String date = SigV4.amzDate(at).substring(0, 8);
        String canonical = CanonicalRequest.of(method, rawPath, rawQuery, null, lower, signed, payloadHash);
        String signature = sign(canonical, at);
        return SigV4.ALGORITHM + " Credential=" + accessKeyId + "/" + SigV4.scope(date, region, service)
                + ", SignedHeaders=" + String.join(";", signed) + ", Signature=" + signature;
    }

    /** The presigned form: {@code rawQuery} plus the X-Amz-* parameters, the signature last. */
    public String presignedQuery(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
            String payloadHash, Instant at, Duration expires) {
        Map<String, List<String>> lower = lowerCase(headers);
        List<String> signed = new ArrayList<>(lower.keySet());
        String date = SigV4.amzDate(at).substring(0, 8);
        String query = (rawQuery == null || rawQuery.isEmpty() ? "" : rawQuery + "&")
                + "X-Amz-Algorithm=" + SigV4.ALGORITHM
                + "&X-Amz-Credential=" + UriEncoding.encode(accessKeyId + "/" + SigV4.scope(date, region, service))
                + "&X-Amz-Date=" + SigV4.amzDate(at)
                + "&X-Amz-Expires=" + expires.toSeconds()
                + "&X-Amz-SignedHeaders=" + UriEncoding.encode(String.join(";", signed));
        String canonical = CanonicalRequest.of(method, rawPath, query, null, lower, signed, payloadHash);
        return query + "&X-Amz-Signature=" + sign(canonical, at);
    }

    private String sign(String canonicalRequest, Instant at) {
        String date = SigV4.amzDate(at).substring(0, 8);
        String stringToSign = SigV4.stringToSign(SigV4.amzDate(at), SigV4.scope(date, region, service), canonicalRequest);
        return SigV4.signature(signingKey(date), stringToSign);
    }

    private byte[] signingKey(String date) {
        DayKey cached = dayKey;
        if (cached == null || !cached.date().equals(date)) {
            cached = new DayKey(date, SigV4.signingKey(secretAccessKey, date, region, service));
            dayKey = cached;
        }
        return cached.key();
    }

    private static Map<String, List<String>> lowerCase(Map<String, List<String>> headers) {
        Map<String, List<String>> lower = new TreeMap<>();
        headers.forEach((name, values) ->
                lower.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).addAll(values));
        return lower;
    }
}
