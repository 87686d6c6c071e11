package io.strongroom.gateway.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.gateway.support.TestGateway;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.Filter;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/** ListSecrets: pages, the entry shape, planned deletions and filters. Each test has its own gateway. */
class ListSecretsTest {
    private TestGateway gateway;
    private SecretsManagerClient sdk;

    @BeforeEach
    void start() {
        gateway = TestGateway.start();
        sdk = gateway.client();
    }

    @AfterEach
    void stop() {
        sdk.close();
        gateway.close();
    }

    @Test
    void pagesFollowNextTokenInNameOrder() {
        for (String name : List.of("c", "a", "e", "b", "d")) {
            sdk.createSecret(r -> r.name(name).secretString("v"));
        }

        List<String> names = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            ListSecretsResponse page = sdk.listSecrets(r -> r.maxResults(2).nextToken(next));
            page.secretList().forEach(entry -> names.add(entry.name()));
            token = page.nextToken();
            pages++;
        } while (token != null);

        assertThat(names).containsExactly("a", "b", "c", "d", "e");
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void theSdkPaginatorSeesEverySecret() {
        for (int i = 0; i < 7; i++) {
            String name = "paged-" + i;
            sdk.createSecret(r -> r.name(name).secretString("v"));
        }

        List<SecretListEntry> all = new ArrayList<>();
        sdk.listSecretsPaginator(r -> r.maxResults(3)).forEach(page -> all.addAll(page.secretList()));

        assertThat(all).hasSize(7);
    }

    @Test
    void anEntryHasTheListShape() {
        String version = sdk.createSecret(r -> r.name("shaped").secretString("v").description("d")
                .tags(Tag.builder().key("k").value("v").build())).versionId();

        SecretListEntry entry = sdk.listSecrets(r -> { }).secretList().get(0);

        assertThat(entry.name()).isEqualTo("shaped");
        assertThat(entry.arn()).contains(":secret:shaped-");
        assertThat(entry.description()).isEqualTo("d");
        assertThat(entry.tags()).extracting(Tag::key).containsExactly("k");
        assertThat(entry.secretVersionsToStages()).containsEntry(version, List.of("AWSCURRENT"));
        assertThat(entry.createdDate()).isNotNull();
        assertThat(entry.lastChangedDate()).isNotNull();
        assertThat(entry.kmsKeyId()).isNull();
        assertThat(entry.deletedDate()).isNull();
    }

    @Test
    void secretsScheduledForDeletionAreListedOnlyWhenAskedFor() {
        sdk.createSecret(r -> r.name("kept").secretString("v"));
        sdk.createSecret(r -> r.name("leaving").secretString("v"));
        sdk.deleteSecret(r -> r.secretId("leaving"));

        assertThat(sdk.listSecrets(r -> { }).secretList()).extracting(SecretListEntry::name).containsExactly("kept");
        assertThat(sdk.listSecrets(r -> r.includePlannedDeletion(true)).secretList())
                .extracting(SecretListEntry::name).containsExactly("kept", "leaving");
    }

    @Test
    void anotherAccountsSecretsAreNotListed() {
        sdk.createSecret(r -> r.name("mine").secretString("v"));
        try (SecretsManagerClient other = gateway.client(TestGateway.OTHER_ACCESS_KEY)) {
            other.createSecret(r -> r.name("theirs").secretString("v"));

            assertThat(sdk.listSecrets(r -> { }).secretList()).extracting(SecretListEntry::name).containsExactly("mine");
            assertThat(other.listSecrets(r -> { }).secretList()).extracting(SecretListEntry::name).containsExactly("theirs");
        }
    }

    @Test
    void filtersSelectByNamePrefixTagAndNegation() {
        sdk.createSecret(r -> r.name("prod/db").secretString("v").tags(Tag.builder().key("team").value("core").build()));
        sdk.createSecret(r -> r.name("prod/api").secretString("v"));
        sdk.createSecret(r -> r.name("dev/db").secretString("v").description("Scratch database"));

        assertThat(names(Filter.builder().key(FilterNameStringType.NAME).values("prod/").build()))
                .containsExactly("prod/api", "prod/db");
        assertThat(names(Filter.builder().key(FilterNameStringType.TAG_KEY).values("team").build()))
                .containsExactly("prod/db");
        assertThat(names(Filter.builder().key(FilterNameStringType.NAME).values("!prod").build()))
                .containsExactly("dev/db");
        assertThat(names(Filter.builder().key(FilterNameStringType.DESCRIPTION).values("scratch").build()))
                .containsExactly("dev/db");
        assertThat(names(Filter.builder().key(FilterNameStringType.ALL).values("DB").build()))
                .containsExactly("dev/db", "prod/db");
    }

    @Test
    void noSecretsIsAnEmptyListWithoutToken() {
        ListSecretsResponse response = sdk.listSecrets(r -> r.maxResults(5));

        assertThat(response.secretList()).isEmpty();
        assertThat(response.nextToken()).isNull();
    }

    private List<String> names(Filter filter) {
        return sdk.listSecrets(r -> r.filters(filter)).secretList().stream().map(SecretListEntry::name).toList();
    }
}
