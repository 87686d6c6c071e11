package io.strongroom.core.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.replication.ReplicaStatus;
import io.strongroom.core.replication.ReplicationState;
import io.strongroom.core.secret.Lifecycle;
import io.strongroom.core.secret.SecretState;
import io.strongroom.core.secret.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretFiltersTest {
    private static final SecretState DB = secret("prod/DatabaseSecret", "Credentials of the orders database",
            List.of(new Tag("Team", "Payments"), new Tag("env", "prod-eu")));

    @Test
    void nameIsACaseSensitivePrefix() {
        assertThat(matches(DB, "name", "prod/Data")).isTrue();
        assertThat(matches(DB, "name", "prod/data")).isFalse();
        assertThat(matches(DB, "name", "Database")).isFalse();
    }

    @Test
    void tagKeyAndTagValueAreCaseSensitivePrefixesOfAnyTag() {
        assertThat(matches(DB, "tag-key", "Te")).isTrue();
        assertThat(matches(DB, "tag-key", "te")).isFalse();
        assertThat(matches(DB, "tag-value", "prod-")).isTrue();
        assertThat(matches(DB, "tag-value", "Prod")).isFalse();
    }

    @Test
    void descriptionMatchesWordPrefixesIgnoringCase() {
        assertThat(matches(DB, "description", "credentials")).isTrue();
        assertThat(matches(DB, "description", "CRED of")).isTrue();
        assertThat(matches(DB, "description", "orders data")).isTrue();
        assertThat(matches(DB, "description", "payroll")).isFalse();
    }

    @Test
    void allSplitsTheTermOnCaseChangesDigitsAndPunctuationAndSearchesEveryAttribute() {
        SecretState numbered = secret("credsDatabase892", null, List.of());
        assertThat(matches(numbered, "all", "credsDatabase#892")).isTrue();
        assertThat(matches(numbered, "all", "database")).isTrue();
        assertThat(matches(numbered, "all", "892")).isTrue();
        assertThat(matches(DB, "all", "payments")).isTrue();
        assertThat(matches(DB, "all", "ORDERS")).isTrue();
        assertThat(matches(DB, "all", "my_secret")).isFalse();
        assertThat(matches(DB, "all", "Secret_Database")).isTrue();
    }

    @Test
    void wordsSplitAsTheUserGuideDescribes() {
        assertThat(SearchWords.of("credsDatabase#892")).containsExactly("creds", "database", "892");
        assertThat(SearchWords.of("My_Secret")).containsExactly("my", "secret");
        assertThat(SearchWords.of("HTTPServer/v2")).containsExactly("http", "server", "v", "2");
        assertThat(SearchWords.of("  ")).isEmpty();
    }

    @Test
    void anExclamationMarkNegatesAValue() {
        assertThat(matches(DB, "name", "!prod/")).isFalse();
        assertThat(matches(DB, "name", "!test/")).isTrue();
        assertThat(matches(DB, "tag-key", "!Team")).isFalse();
    }

    @Test
    void valuesOfOneFilterAreAlternativesAndFiltersMustAllMatch() {
        assertThat(SecretFilters.matches(DB, List.of(new SecretFilter("name", List.of("test/", "prod/"))))).isTrue();
        assertThat(SecretFilters.matches(DB, List.of(new SecretFilter("name", List.of("prod/")),
                new SecretFilter("tag-key", List.of("Owner"))))).isFalse();
        assertThat(SecretFilters.matches(DB, List.of())).isTrue();
    }

    @Test
    void primaryRegionAndOwningServiceAreAbsentSoOnlyANegationMatches() {
        assertThat(matches(DB, "primary-region", "us-")).isFalse();
        assertThat(matches(DB, "owning-service", "rds")).isFalse();
        assertThat(matches(DB, "owning-service", "!rds")).isTrue();
    }

    @Test
    void primaryRegionIsAReplicasPrimaryRegionOrAPrimarysOwnRegionWhileItHasReplicas() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        SecretState replica = new SecretState("id-r", "111122223333", "eu-west-1", "r", null, null, List.of(), t, t,
                null, null, Map.of(), 1, Lifecycle.ACTIVE, null, "us-east-1", List.of());
        SecretState primary = new SecretState("id-p", "111122223333", "us-east-1", "p", null, null, List.of(), t, t,
                null, null, Map.of(), 1, Lifecycle.ACTIVE, null, null,
                List.of(new ReplicaStatus("eu-west-1", null, ReplicationState.IN_SYNC, null, 1)));

        assertThat(matches(replica, "primary-region", "us-east-1")).isTrue();
        assertThat(matches(replica, "primary-region", "eu-")).isFalse();
        assertThat(matches(primary, "primary-region", "us-")).isTrue();
        assertThat(matches(primary, "primary-region", "!us-east-1")).isFalse();
        assertThat(matches(DB, "primary-region", "!us-east-1")).isTrue();
    }

    @Test
    void aSecretWithoutDescriptionNeverMatchesADescriptionTerm() {
        assertThat(matches(secret("x", null, List.of()), "description", "x")).isFalse();
    }

    private static boolean matches(SecretState state, String key, String value) {
        return SecretFilters.matches(state, List.of(new SecretFilter(key, List.of(value))));
    }

    private static SecretState secret(String name, String description, List<Tag> tags) {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        return new SecretState("id-" + name, "111122223333", "us-east-1", name, description, null, tags, t, t, null,
                null, Map.of(), 1, Lifecycle.ACTIVE);
    }
}
