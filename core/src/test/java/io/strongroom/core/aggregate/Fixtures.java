package io.strongroom.core.aggregate;

import io.strongroom.core.command.NewValue;
import io.strongroom.core.crypto.WrappedKey;
import io.strongroom.core.event.SecretCreated;
import io.strongroom.core.event.VersionAdded;
import io.strongroom.core.event.VersionStagesSet;
import io.strongroom.core.secret.EncryptedValue;
import io.strongroom.core.secret.ValueType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Shared ids and values of the aggregate tests. Values are opaque bytes: the aggregate never opens them. */
final class Fixtures {
    static final String REGION = "eu-west-1";
    static final String ACCOUNT = "111122223333";
    static final String PRINCIPAL = "arn:aws:iam::111122223333:user/alice";
    static final String SECRET_ID = "5b3c1c0e-0000-4000-8000-000000000001";
    static final String NAME = "app/db";
    static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    static final Instant NOW = T0.plusSeconds(3600);

    private Fixtures() {}

    /** A distinct encrypted value and wrapped key; equal events share the instance, so record equality holds. */
    static NewValue value(String label) {
        return new NewValue(new EncryptedValue(ValueType.STRING, label.getBytes(StandardCharsets.UTF_8)),
                new WrappedKey("alias/aws/secretsmanager#1", ("key-" + label).getBytes(StandardCharsets.UTF_8)));
    }

    static SecretCreated created() {
        return new SecretCreated(NAME, "the db", null, List.of());
    }

    static VersionAdded added(String versionId) {
        return new VersionAdded(versionId, value(versionId).value());
    }

    static VersionStagesSet stages(String versionId, String... labels) {
        return new VersionStagesSet(Map.of(versionId, List.of(labels)));
    }
}
