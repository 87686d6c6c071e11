package io.strongroom.systemtests.support;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/**
 * SDK answers as plain comparable values: modelled fields only (no request ids or HTTP metadata),
 * maps sorted by key, bytes as base64; an AWS error as its code, message and status. Two reads of
 * the same state compare equal, and AssertJ shows where they differ.
 */
public final class Normalised {
    private Normalised() {}

    /** The normalised answer of {@code call}, or of the AWS error it fails with. */
    public static Object answer(Supplier<?> call) {
        try {
            return of(call.get());
        } catch (SecretsManagerException e) {
            return "error " + e.statusCode() + " " + e.awsErrorDetails().errorCode() + ": "
                    + e.awsErrorDetails().errorMessage();
        }
    }

    public static Object of(Object value) {
        if (value instanceof SdkPojo pojo) {
            Map<String, Object> fields = new TreeMap<>();
            for (SdkField<?> field : pojo.sdkFields()) {
                Object v = field.getValueOrDefault(pojo);
                if (v != null) {
                    fields.put(field.memberName(), of(v));
                }
            }
            return fields;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), of(v)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Normalised::of).toList();
        }
        if (value instanceof SdkBytes bytes) {
            return "base64:" + Base64.getEncoder().encodeToString(bytes.asByteArray());
        }
        return value;
    }

    /** A normalised answer with every member of that name removed, at any depth. */
    public static Object without(Object normalised, String member) {
        if (normalised instanceof Map<?, ?> map) {
            Map<String, Object> kept = new TreeMap<>();
            map.forEach((k, v) -> {
                if (!member.equals(k)) {
                    kept.put(String.valueOf(k), without(v, member));
                }
            });
            return kept;
        }
        if (normalised instanceof List<?> list) {
            return list.stream().map(item -> without(item, member)).toList();
        }
        return normalised;
    }
}
