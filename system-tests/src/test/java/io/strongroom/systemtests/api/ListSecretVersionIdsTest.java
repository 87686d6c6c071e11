package io.strongroom.systemtests.api;

import static io.strongroom.systemtests.support.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.systemtests.support.SharedRegion;
import io.strongroom.systemtests.support.TestAccount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.InvalidNextTokenException;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretVersionIdsResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretVersionsListEntry;

/** ListSecretVersionIds through the AWS SDK against the real pipeline. */
@ExtendWith(SharedRegion.class)
class ListSecretVersionIdsTest {
    private static SecretsManagerClient sm;

    @BeforeAll
    static void client() {
        TestAccount account = SharedRegion.newAccount();
        sm = account.client(SharedRegion.endpoint());
    }

    @AfterAll
    static void close() {
        sm.close();
    }

    /** A secret with versions v1 (deprecated), v2 (AWSPREVIOUS) and v3 (AWSCURRENT), in that order. */
    private record ThreeVersions(String name, String arn, String v1, String v2, String v3) {}

    private static ThreeVersions threeVersions(String base) {
        String name = base + "-" + UUID.randomUUID().toString().substring(0, 8);
        var created = sm.createSecret(b -> b.name(name).secretString("1"));
        String v2 = sm.putSecretValue(b -> b.secretId(name).secretString("2")).versionId();
        String v3 = sm.putSecretValue(b -> b.secretId(name).secretString("3")).versionId();
        return new ThreeVersions(name, created.arn(), created.versionId(), v2, v3);
    }

    @Test
    void listsTheLabelledVersionsWithTheirStagesDatesAndKeys() {
        Instant before = Instant.now().minusSeconds(5);
        ThreeVersions s = threeVersions("listed");

        ListSecretVersionIdsResponse listed = sm.listSecretVersionIds(b -> b.secretId(s.name()));

        assertThat(listed.arn()).isEqualTo(s.arn());
        assertThat(listed.name()).isEqualTo(s.name());
        assertThat(listed.nextToken()).isNull();
        assertThat(listed.versions()).extracting(SecretVersionsListEntry::versionId).containsExactly(s.v2(), s.v3());
        assertThat(listed.versions()).extracting(SecretVersionsListEntry::versionStages)
                .containsExactly(List.of("AWSPREVIOUS"), List.of("AWSCURRENT"));
        assertThat(listed.versions()).allSatisfy(v -> {
            assertThat(v.createdDate()).isBetween(before, Instant.now().plusSeconds(5));
            assertThat(v.kmsKeyIds()).containsExactly("DefaultEncryptionKey");
        });
    }

    @Test
    void deprecatedVersionsAreListedOnlyWithIncludeDeprecated() {
        ThreeVersions s = threeVersions("deprecated");

        ListSecretVersionIdsResponse all = sm.listSecretVersionIds(b -> b.secretId(s.name()).includeDeprecated(true));

        assertThat(all.versions()).extracting(SecretVersionsListEntry::versionId).containsExactly(s.v1(), s.v2(), s.v3());
        assertThat(all.versions().get(0).versionStages()).isEmpty();
        assertThat(sm.listSecretVersionIds(b -> b.secretId(s.name()).includeDeprecated(false)).versions())
                .hasSize(2);
    }

    @Test
    void maxResultsPagesThroughEveryVersionWithNextToken() {
        ThreeVersions s = threeVersions("paged");
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            ListSecretVersionIdsResponse page = sm.listSecretVersionIds(b -> b.secretId(s.name())
                    .includeDeprecated(true).maxResults(2).nextToken(next));
            assertThat(page.versions()).hasSizeLessThanOrEqualTo(2);
            page.versions().forEach(v -> seen.add(v.versionId()));
            token = page.nextToken();
            pages++;
        } while (token != null);

        assertThat(pages).isEqualTo(2);
        assertThat(seen).containsExactly(s.v1(), s.v2(), s.v3());
    }

    @Test
    void theSdkPaginatorReadsEveryPage() {
        ThreeVersions s = threeVersions("paginator");

        List<String> ids = sm.listSecretVersionIdsPaginator(b -> b.secretId(s.name()).includeDeprecated(true)
                .maxResults(1)).stream().flatMap(page -> page.versions().stream())
                .map(SecretVersionsListEntry::versionId).toList();

        assertThat(ids).containsExactly(s.v1(), s.v2(), s.v3());
    }

    @Test
    void aNextTokenThatWasNotIssuedIsAnInvalidNextToken() {
        ThreeVersions s = threeVersions("bad-token");

        assertThatThrownBy(() -> sm.listSecretVersionIds(b -> b.secretId(s.name()).nextToken("not-a-token")))
                .isInstanceOf(InvalidNextTokenException.class)
                .hasMessageContaining("The NextToken value is invalid.");
    }

    @Test
    void maxResultsOutsideOneToAHundredIsAValidationException() {
        ThreeVersions s = threeVersions("bad-max");

        assertAwsError(() -> sm.listSecretVersionIds(b -> b.secretId(s.name()).maxResults(0)), "ValidationException",
                "Member must have value greater than or equal to 1");
        assertAwsError(() -> sm.listSecretVersionIds(b -> b.secretId(s.name()).maxResults(101)), "ValidationException",
                "Member must have value less than or equal to 100");
    }

    @Test
    void aSecretWithoutAValueHasNoVersions() {
        String name = "empty-" + UUID.randomUUID().toString().substring(0, 8);
        sm.createSecret(b -> b.name(name));

        assertThat(sm.listSecretVersionIds(b -> b.secretId(name)).versions()).isEmpty();
    }

    @Test
    void aSecretScheduledForDeletionStillListsItsVersions() {
        ThreeVersions s = threeVersions("doomed");
        sm.deleteSecret(b -> b.secretId(s.name()));

        assertThat(sm.listSecretVersionIds(b -> b.secretId(s.name())).versions()).hasSize(2);
    }

    @Test
    void anUnknownSecretIsNotFound() {
        assertThatThrownBy(() -> sm.listSecretVersionIds(b -> b.secretId("never-" + UUID.randomUUID())))
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
