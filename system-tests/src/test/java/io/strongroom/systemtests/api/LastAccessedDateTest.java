package io.strongroom.systemtests.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.strongroom.systemtests.support.SharedRegion;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;

/**
 * LastAccessedDate: set by value reads (GetSecretValue, BatchGetSecretValue), at day granularity
 * (midnight UTC), shown by DescribeSecret and ListSecrets. It travels through the access topic, not
 * the events, so it appears shortly after the read.
 */
@ExtendWith(SharedRegion.class)
class LastAccessedDateTest {
    private static final Duration PROPAGATION = Duration.ofSeconds(20);
    private static SecretsManagerClient sm;

    @BeforeAll
    static void client() {
        sm = SharedRegion.newAccount().client(SharedRegion.endpoint());
    }

    @AfterAll
    static void close() {
        sm.close();
    }

    private static String created(String base) {
        String name = base + "-" + UUID.randomUUID().toString().substring(0, 6);
        sm.createSecret(b -> b.name(name).secretString("v"));
        return name;
    }

    private static Instant todayAtMidnightUtc() {
        return LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    @Test
    void aNewSecretHasNoLastAccessedDate() {
        String name = created("unread");
        assertThat(sm.describeSecret(b -> b.secretId(name)).lastAccessedDate()).isNull();
    }

    @Test
    void getSecretValueSetsItToTodayAtMidnightUtc() {
        String name = created("read");
        sm.getSecretValue(b -> b.secretId(name));

        await().atMost(PROPAGATION).until(() -> sm.describeSecret(b -> b.secretId(name)).lastAccessedDate() != null);
        assertThat(sm.describeSecret(b -> b.secretId(name)).lastAccessedDate()).isIn(todayAtMidnightUtc(),
                todayAtMidnightUtc().minus(Duration.ofDays(1)));
    }

    @Test
    void batchGetSecretValueSetsItForEverySecretItReturns() {
        String first = created("batch-a");
        String second = created("batch-b");
        sm.batchGetSecretValue(b -> b.secretIdList(first, second));

        await().atMost(PROPAGATION).until(() -> sm.describeSecret(b -> b.secretId(first)).lastAccessedDate() != null
                && sm.describeSecret(b -> b.secretId(second)).lastAccessedDate() != null);
    }

    @Test
    void listSecretsEntriesCarryIt() {
        String name = created("listed");
        sm.getSecretValue(b -> b.secretId(name));

        await().atMost(PROPAGATION).until(() -> sm.listSecretsPaginator(b -> b.maxResults(100)).stream()
                .flatMap(page -> page.secretList().stream()).filter(e -> e.name().equals(name)).map(SecretListEntry::lastAccessedDate)
                .anyMatch(date -> date != null));
    }

    @Test
    void aFailedReadDoesNotCount() {
        String name = created("failed-read");
        try {
            sm.getSecretValue(b -> b.secretId(name).versionStage("NOWHERE"));
        } catch (RuntimeException expected) {
            // ResourceNotFoundException: no value was read
        }
        String control = created("control-read");
        sm.getSecretValue(b -> b.secretId(control));
        await().atMost(PROPAGATION).until(() -> sm.describeSecret(b -> b.secretId(control)).lastAccessedDate() != null);

        assertThat(sm.describeSecret(b -> b.secretId(name)).lastAccessedDate()).isNull();
    }
}
