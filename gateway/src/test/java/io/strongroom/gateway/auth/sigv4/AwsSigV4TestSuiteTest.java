package io.strongroom.gateway.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Cases of AWS's published SigV4 test suite (aws-sig-v4-test-suite): key AKIDEXAMPLE, instant
 * 20150830T123600Z, us-east-1, service {@code service}. Each request is given as it arrives on the
 * wire (path and query percent-encoded), and the canonical request, string to sign and signature
 * are AWS's.
 */
class AwsSigV4TestSuiteTest {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final String AMZ_DATE = "20150830T123600Z";
    private static final String SCOPE = "20150830/us-east-1/service/aws4_request";
    private static final String EMPTY_HASH = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final String VANILLA = "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31";
    private static final String UNRESERVED = "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /** The signature of a request sent as {@code method rawPath?rawQuery}, Host and X-Amz-Date plus {@code extra}. */
    private static String signature(String method, String rawPath, String rawQuery, String body, String... extra) {
        return SigV4.signature(SigV4.signingKey(SECRET, "20150830", "us-east-1", "service"),
                SigV4.stringToSign(AMZ_DATE, SCOPE, canonical(method, rawPath, rawQuery, body, extra)));
    }

    private static String canonical(String method, String rawPath, String rawQuery, String body, String... extra) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.computeIfAbsent("host", k -> new ArrayList<>()).add("example.amazonaws.com");
        for (int i = 0; i < extra.length; i += 2) {
            headers.computeIfAbsent(extra[i].toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(extra[i + 1]);
        }
        headers.computeIfAbsent("x-amz-date", k -> new ArrayList<>()).add(AMZ_DATE);
        List<String> signed = headers.keySet().stream().sorted().toList();
        return CanonicalRequest.of(method, rawPath, rawQuery, null, headers, signed,
                SigV4.sha256Hex(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void getVanillaCanonicalRequestStringToSignAndSignature() {
        String canonical = canonical("GET", "/", null, "");
        assertThat(canonical).isEqualTo("GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\n"
                + "host;x-amz-date\n" + EMPTY_HASH);
        assertThat(SigV4.stringToSign(AMZ_DATE, SCOPE, canonical)).isEqualTo("AWS4-HMAC-SHA256\n20150830T123600Z\n"
                + SCOPE + "\nbb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63");
        assertThat(signature("GET", "/", null, "")).isEqualTo(VANILLA);
    }

    @Test
    void postVanilla() {
        assertThat(canonical("POST", "/", null, "")).startsWith("POST\n/\n\n");
        assertThat(signature("POST", "/", null, "")).isEqualTo("5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b");
    }

    @Test
    void queryParametersAreSortedByNameThenValue() {
        assertThat(signature("GET", "/", "Param1=value1", "")).as("get-vanilla-query / empty-query-key")
                .isEqualTo("a67d582fa61cc504c4bae71f336f98b97f1ea3c7a6bfe1b6e45aec72011b9aeb");
        assertThat(CanonicalRequest.query("Param1=value2&Param1=Value1", null)).isEqualTo("Param1=Value1&Param1=value2");
        assertThat(signature("GET", "/", "Param1=value2&Param1=Value1", "")).as("get-vanilla-query-order-key")
                .isEqualTo("eedbc4e291e521cf13422ffca22be7d2eb8146eecf653089df300a15b2382bd1");
        assertThat(signature("GET", "/", "Param1=value2&Param1=value1", "")).as("get-vanilla-query-order-value")
                .isEqualTo("5772eed61e12b33fae39ee5e7012498b51d56abc0abb7c60486157bd471c4694");
        assertThat(signature("GET", "/", "Param2=value2&Param1=value1", "")).as("get-vanilla-query-order-key-case")
                .isEqualTo("b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500");
        assertThat(signature("POST", "/", "Param1=value1", "")).as("post-vanilla-query")
                .isEqualTo("28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11");
    }

    @Test
    void queryUnreservedAndUtf8() {
        assertThat(signature("GET", "/", UNRESERVED + "=" + UNRESERVED, "")).as("get-vanilla-query-unreserved")
                .isEqualTo("9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197");
        assertThat(CanonicalRequest.query("%E1%88%B4=bar", null)).isEqualTo("%E1%88%B4=bar");
        assertThat(signature("GET", "/", "%E1%88%B4=bar", "")).as("get-vanilla-utf8-query")
                .isEqualTo("2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04");
    }

    @Test
    void pathUnreserved() {
        assertThat(signature("GET", "/" + UNRESERVED, null, "")).as("get-unreserved")
                .isEqualTo("07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f");
    }

    @Test
    void normalizePathCases() {
        assertThat(signature("GET", "/example/..", null, "")).as("get-relative").isEqualTo(VANILLA);
        assertThat(signature("GET", "/example1/example2/../..", null, "")).as("get-relative-relative").isEqualTo(VANILLA);
        assertThat(signature("GET", "//", null, "")).as("get-slash").isEqualTo(VANILLA);
        assertThat(signature("GET", "/./", null, "")).as("get-slash-dot-slash").isEqualTo(VANILLA);
        assertThat(UriEncoding.canonicalPath("/./example")).isEqualTo("/example");
        assertThat(signature("GET", "/./example", null, "")).as("get-slash-pointless-dot")
                .isEqualTo("ef75d96142cf21edca26f06005da7988e4f8dc83a165a80865db7089db637ec5");
        assertThat(UriEncoding.canonicalPath("//example//")).isEqualTo("/example/");
        assertThat(signature("GET", "//example//", null, "")).as("get-slashes")
                .isEqualTo("9a624bd73a37c9a373b5312afbebe7a714a789de108f0bdfe846570885f57e84");
        assertThat(UriEncoding.canonicalPath("/example space/")).isEqualTo("/example%20space/");
    }

    @Test
    void anEncodedPathIsEncodedOnceMore() {
        assertThat(UriEncoding.canonicalPath("/example%20space/")).isEqualTo("/example%2520space/");
        assertThat(UriEncoding.canonicalPath("/\u1234")).as("get-utf8").isEqualTo("/%E1%88%B4");
    }

    @Test
    void headerValuesAreTrimmedAndRepeatedHeadersJoinedInOrder() {
        String trimmed = canonical("GET", "/", null, "", "My-Header1", " value1", "My-Header2", " \"a   b   c\"");
        assertThat(trimmed).contains("my-header1:value1\nmy-header2:\"a b c\"\n");
        assertThat(signature("GET", "/", null, "", "My-Header1", " value1", "My-Header2", " \"a   b   c\""))
                .as("get-header-value-trim").isEqualTo("acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736");
        assertThat(signature("GET", "/", null, "", "My-Header1", "value2", "My-Header1", "value2", "My-Header1", "value1"))
                .as("get-header-key-duplicate").isEqualTo("c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea");
        assertThat(signature("GET", "/", null, "", "My-Header1", "value4", "My-Header1", "value1", "My-Header1", "value3",
                "My-Header1", "value2")).as("get-header-value-order")
                .isEqualTo("08c7e5a9acfcfeb3ab6b2185e75ce8b1deb5e634ec47601a50643f830c755c01");
    }

    @Test
    void headerNamesAreLowerCasedAndSortedButValuesKeepTheirCase() {
        assertThat(signature("POST", "/", null, "", "My-Header1", "value1")).as("post-header-key-sort")
                .isEqualTo("c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c");
        assertThat(signature("POST", "/", null, "", "My-Header1", "VALUE1")).as("post-header-value-case")
                .isEqualTo("cdbc9802e29d2942e5e10b5bccfdd67c5f22c7c4e8ae67b53629efa58b974b7d");
    }

    @Test
    void postXWwwFormUrlencodedSignsTheBodyHash() {
        String canonical = canonical("POST", "/", null, "Param1=value1", "Content-Type", "application/x-www-form-urlencoded");
        assertThat(canonical).endsWith("content-type;host;x-amz-date\n"
                + "9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e");
        assertThat(signature("POST", "/", null, "Param1=value1", "Content-Type", "application/x-www-form-urlencoded"))
                .as("post-x-www-form-urlencoded").isEqualTo("ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a");
    }
}
