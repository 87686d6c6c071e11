package io.strongroom.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One condition against a request carrying {@code key} = {@code value} (an empty value: the key is absent). */
class ConditionOperatorTest {

    static boolean holds(String operator, String key, String policyValues, String requestValue) {
        ConditionOperator op = ConditionOperator.parse(operator).orElseThrow();
        Condition condition = new Condition(op, key, List.of(policyValues.split("\\|")));
        Map<String, List<String>> keys = requestValue == null || requestValue.isEmpty()
                ? Map.of() : Map.of(key, List.of(requestValue.split("\\|")));
        return condition.holds(new RequestContext("arn:aws:iam::111111111111:root", "111111111111", "a:b", "*", keys));
    }

    @ParameterizedTest(name = "{0} {1}={2} on {3}: {4}")
    @CsvSource({
        "StringEquals, aws:PrincipalAccount, 111|222, 222, true",
        "StringEquals, aws:PrincipalAccount, 111, 333, false",
        "StringEquals, aws:PrincipalAccount, 111, '', false",
        "StringEquals, k, Abc, abc, false",
        "StringNotEquals, k, 111|222, 333, true",
        "StringNotEquals, k, 111|222, 222, false",
        "StringNotEquals, k, 111, '', true",
        "StringEqualsIgnoreCase, k, Abc, aBC, true",
        "StringNotEqualsIgnoreCase, k, Abc, aBC, false",
        "StringLike, k, app/*, app/db, true",
        "StringLike, k, app/?b, app/db, true",
        "StringLike, k, app/*, web/db, false",
        "StringNotLike, k, app/*, web/db, true",
        "StringNotLike, k, app/*, app/db, false",
        "StringNotLike, k, app/*, '', true",
        "StringEqualsIfExists, k, x, '', true",
        "StringEqualsIfExists, k, x, y, false",
        "StringLikeIfExists, k, x*, xy, true",
    })
    void stringOperators(String operator, String key, String values, String request, boolean expected) {
        assertThat(holds(operator, key, values, request)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} on {2}: {3}")
    @CsvSource({
        "NumericEquals, 5, 5.0, true",
        "NumericEquals, 5, 6, false",
        "NumericNotEquals, 5, 6, true",
        "NumericLessThan, 5, 4, true",
        "NumericLessThan, 5, 5, false",
        "NumericLessThanEquals, 5, 5, true",
        "NumericGreaterThan, 5, 6, true",
        "NumericGreaterThan, 5, 5, false",
        "NumericGreaterThanEquals, 5, 5, true",
        "NumericLessThan, 5, five, false",
        "NumericLessThan, five, 4, false",
        "NumericLessThan, 5, '', false",
    })
    void numericOperators(String operator, String values, String request, boolean expected) {
        assertThat(holds(operator, "k", values, request)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} on {2}: {3}")
    @CsvSource({
        "DateLessThan, 2025-01-01T00:00:00Z, 2024-12-31T23:59:59Z, true",
        "DateLessThan, 2025-01-01T00:00:00Z, 2025-01-01T00:00:00Z, false",
        "DateLessThanEquals, 2025-01-01T00:00:00Z, 2025-01-01T00:00:00Z, true",
        "DateGreaterThan, 2025-01-01T00:00:00Z, 2025-01-01T00:00:01Z, true",
        "DateGreaterThan, 2025-01-01T00:00:00+01:00, 2024-12-31T23:30:00Z, true",
        "DateGreaterThanEquals, 1735689600, 2025-01-01T00:00:00Z, true",
        "DateEquals, 2025-01-01T00:00:00Z, 1735689600, true",
        "DateNotEquals, 2025-01-01T00:00:00Z, 1735689601, true",
        "DateLessThan, yesterday, 2025-01-01T00:00:00Z, false",
    })
    void dateOperators(String operator, String values, String request, boolean expected) {
        assertThat(holds(operator, "aws:CurrentTime", values, request)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} on {2}: {3}")
    @CsvSource({
        "Bool, true, true, true",
        "Bool, true, false, false",
        "Bool, false, false, true",
        "Bool, TRUE, true, true",
        "Bool, true, '', false",
        "BoolIfExists, true, '', true",
        "BoolIfExists, true, false, false",
    })
    void boolOperator(String operator, String values, String request, boolean expected) {
        assertThat(holds(operator, "aws:SecureTransport", values, request)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} on {2}: {3}")
    @CsvSource({
        "IpAddress, 10.0.0.0/8, 10.1.2.3, true",
        "IpAddress, 10.0.0.0/8, 11.1.2.3, false",
        "IpAddress, 192.168.1.7/32, 192.168.1.7, true",
        "IpAddress, 192.168.1.7, 192.168.1.7, true",
        "IpAddress, 192.168.1.0/25, 192.168.1.200, false",
        "IpAddress, 0.0.0.0/0, 8.8.8.8, true",
        "IpAddress, 2001:db8::/32, 2001:db8::1, true",
        "IpAddress, 2001:db8::/32, 2001:db9::1, false",
        "IpAddress, 10.0.0.0/8, 2001:db8::1, false",
        "IpAddress, 10.0.0.0/8, '', false",
        "NotIpAddress, 10.0.0.0/8, 11.1.2.3, true",
        "NotIpAddress, 10.0.0.0/8|11.0.0.0/8, 11.1.2.3, false",
        "NotIpAddress, 10.0.0.0/8, '', true",
    })
    void ipOperators(String operator, String values, String request, boolean expected) {
        assertThat(holds(operator, "aws:SourceIp", values, request)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} on {2}: {3}")
    @CsvSource({
        "ArnEquals, arn:aws:iam::111:role/app, arn:aws:iam::111:role/app, true",
        "ArnLike, arn:aws:iam::*:role/app, arn:aws:iam::111:role/app, true",
        "ArnLike, arn:aws:iam::111:role/*, arn:aws:iam::111:user/app, false",
        "ArnLike, arn:aws:iam::111:*, arn:aws:iam::111:role/a:b, true",
        "ArnLike, arn:aws:iam::111:role/*, not-an-arn, false",
        "ArnNotEquals, arn:aws:iam::111:role/app, arn:aws:iam::111:role/web, true",
        "ArnNotLike, arn:aws:iam::111:role/*, arn:aws:iam::111:role/web, false",
        "ArnNotLike, arn:aws:iam::111:role/*, '', true",
    })
    void arnOperators(String operator, String values, String request, boolean expected) {
        assertThat(holds(operator, "aws:PrincipalArn", values, request)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} on {2}: {3}")
    @CsvSource({
        "Null, true, '', true",
        "Null, true, x, false",
        "Null, false, x, true",
        "Null, false, '', false",
    })
    void nullOperator(String operator, String values, String request, boolean expected) {
        assertThat(holds(operator, "k", values, request)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} on {2}: {3}")
    @CsvSource({
        "ForAnyValue:StringEquals, a|b, c|b, true",
        "ForAnyValue:StringEquals, a|b, c|d, false",
        "ForAnyValue:StringEquals, a|b, '', false",
        "ForAllValues:StringEquals, a|b, a|b, true",
        "ForAllValues:StringEquals, a|b, a|c, false",
        "ForAllValues:StringEquals, a|b, '', true",
        "ForAnyValue:StringNotEquals, a, a|c, true",
        "ForAllValues:StringLike, a*, ab|ac, true",
    })
    void setQualifiers(String operator, String values, String request, boolean expected) {
        assertThat(holds(operator, "tags", values, request)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "key {0}")
    @CsvSource({"aws:principalaccount", "AWS:PRINCIPALACCOUNT", "aws:PrincipalAccount"})
    void keysAreCaseInsensitive(String key) {
        Condition condition = new Condition(ConditionOperator.parse("StringEquals").orElseThrow(), key, List.of("111111111111"));
        assertThat(condition.holds(RequestContext.of("arn:aws:iam::111111111111:root", "111111111111", "a:b", "*"))).isTrue();
    }
}
