package io.strongroom.systemtests.api;

import static io.strongroom.systemtests.api.BatchGetSecretValueTest.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.systemtests.support.SharedRegion;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.Filter;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsRequest;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.secretsmanager.model.SortOrderType;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/**
 * ListSecrets' Filters, SortOrder and IncludePlannedDeletion through the AWS SDK, one behaviour of
 * the API reference (and of the user guide's "Find secrets") per test. The account is the class's
 * own, so every listing holds exactly the secrets created here, in creation order.
 */
@ExtendWith(SharedRegion.class)
class ListSecretsFiltersTest {
    private static SecretsManagerClient sm;

    @BeforeAll
    static void secrets() {
        sm = SharedRegion.newAccount().client(SharedRegion.endpoint());
        create("prod/DatabaseSecret", "Credentials of the orders database", new Tag[] {tag("Team", "Payments")});
        create("prod/api-key", "API key for the Billing partner", new Tag[] {tag("env", "prod-eu")});
        create("test/credsDatabase892", null, new Tag[] {tag("Team", "QA")});
        create("databaseSecret", "lower case name", new Tag[0]);
        create("MyData", null, new Tag[] {tag("owner", "alice")});
        create("prod/retired", "old one", new Tag[0]);
        sm.deleteSecret(b -> b.secretId("prod/retired"));
    }

    @AfterAll
    static void close() {
        sm.close();
    }

    @Test
    void withoutParametersEverySecretNotScheduledForDeletionIsListedOldestFirst() {
        assertThat(names(b -> { })).containsExactly("prod/DatabaseSecret", "prod/api-key", "test/credsDatabase892",
                "databaseSecret", "MyData");
    }

    @Test
    void sortOrderDescListsNewestFirst() {
        assertThat(names(b -> b.sortOrder(SortOrderType.DESC))).containsExactly("MyData", "databaseSecret",
                "test/credsDatabase892", "prod/api-key", "prod/DatabaseSecret");
        assertThat(names(b -> b.sortOrder(SortOrderType.ASC)).get(0)).isEqualTo("prod/DatabaseSecret");
    }

    @Test
    void includePlannedDeletionAlsoListsSecretsScheduledForDeletionWithTheirDeletedDate() {
        List<SecretListEntry> all = entries(b -> b.includePlannedDeletion(true));
        assertThat(all).extracting(SecretListEntry::name).contains("prod/retired").hasSize(6);
        assertThat(all).filteredOn(e -> e.name().equals("prod/retired")).singleElement()
                .satisfies(e -> assertThat(e.deletedDate()).isNotNull());
    }

    @Test
    void nameMatchesTheBeginningOfTheNameCaseSensitively() {
        assertThat(names(filter("name", "Data"))).isEmpty();
        assertThat(names(filter("name", "prod/Data"))).containsExactly("prod/DatabaseSecret");
        assertThat(names(filter("name", "data"))).containsExactly("databaseSecret");
    }

    @Test
    void descriptionMatchesIgnoringCase() {
        assertThat(names(filter("description", "CREDENTIALS"))).containsExactly("prod/DatabaseSecret");
        assertThat(names(filter("description", "api key"))).containsExactly("prod/api-key");
    }

    @Test
    void tagKeyAndTagValueMatchPrefixesCaseSensitively() {
        assertThat(names(filter("tag-key", "Te"))).containsExactly("prod/DatabaseSecret", "test/credsDatabase892");
        assertThat(names(filter("tag-key", "te"))).isEmpty();
        assertThat(names(filter("tag-value", "prod-"))).containsExactly("prod/api-key");
        assertThat(names(filter("tag-value", "payments"))).isEmpty();
    }

    @Test
    void allSplitsTheTermIntoWordsAndSearchesNameDescriptionAndTagsIgnoringCase() {
        assertThat(names(filter("all", "credsDatabase_892"))).containsExactly("test/credsDatabase892");
        assertThat(names(filter("all", "payments"))).containsExactly("prod/DatabaseSecret");
        assertThat(names(filter("all", "billing"))).containsExactly("prod/api-key");
        assertThat(names(filter("all", "database"))).containsExactly("prod/DatabaseSecret", "test/credsDatabase892",
                "databaseSecret");
    }

    @Test
    void anExclamationMarkNegatesAValue() {
        assertThat(names(filter("name", "!prod/"))).containsExactly("test/credsDatabase892", "databaseSecret", "MyData");
    }

    @Test
    void valuesOfOneFilterAreAlternatives() {
        assertThat(names(filter("name", "test/", "My"))).containsExactly("test/credsDatabase892", "MyData");
    }

    @Test
    void everyFilterMustMatch() {
        assertThat(names(b -> b.filters(f("name", "prod/"), f("tag-key", "Team")))).containsExactly("prod/DatabaseSecret");
    }

    @Test
    void primaryRegionAndOwningServiceMatchNoUnreplicatedUnmanagedSecret() {
        assertThat(names(filter("primary-region", "us-east-1"))).isEmpty();
        assertThat(names(filter("owning-service", "rds"))).isEmpty();
    }

    @Test
    void filteredPagesOfOneFollowNextTokenWithoutSkippingAMatch() {
        List<String> names = new ArrayList<>();
        String token = null;
        int calls = 0;
        do {
            String next = token;
            ListSecretsResponse page = sm.listSecrets(b -> b.filters(f("name", "prod/")).maxResults(1).nextToken(next));
            assertThat(page.secretList()).hasSizeLessThanOrEqualTo(1);
            page.secretList().forEach(entry -> names.add(entry.name()));
            token = page.nextToken();
            calls++;
        } while (token != null && calls < 10);
        assertThat(names).containsExactly("prod/DatabaseSecret", "prod/api-key");
    }

    @Test
    void theSdkPaginatorWithAFilterSeesEveryMatch() {
        List<String> names = sm.listSecretsPaginator(b -> b.filters(f("all", "database")).maxResults(1)).stream()
                .flatMap(page -> page.secretList().stream()).map(SecretListEntry::name).toList();
        assertThat(names).containsExactly("prod/DatabaseSecret", "test/credsDatabase892", "databaseSecret");
    }

    @Test
    void moreThanTenFiltersFailValidation() {
        Filter[] eleven = IntStream.range(0, 11).mapToObj(i -> f("name", "x")).toArray(Filter[]::new);
        assertValidation(() -> sm.listSecrets(b -> b.filters(eleven)), "filters");
    }

    @Test
    void moreThanTenValuesInAFilterFailValidation() {
        String[] eleven = IntStream.range(0, 11).mapToObj(i -> "v" + i).toArray(String[]::new);
        assertValidation(() -> sm.listSecrets(filter("name", eleven)), "filters.1.member.values");
    }

    @Test
    void aFilterWithAnEmptyValueListFailsValidation() {
        assertValidation(() -> sm.listSecrets(b -> b.filters(Filter.builder().key("name").values(List.of()).build())),
                "filters.1.member.values");
    }

    @Test
    void anUnknownFilterKeyFailsValidation() {
        assertValidation(() -> sm.listSecrets(filter("colour", "red")), "filters.1.member.key");
    }

    @Test
    void aValueOutsideTheAllowedCharactersFailsValidation() {
        assertValidation(() -> sm.listSecrets(filter("name", "semi;colon")), "filters.1.member.values.1.member");
    }

    @Test
    void maxResultsOutsideOneToAHundredFailsValidation() {
        assertValidation(() -> sm.listSecrets(b -> b.maxResults(0)), "maxResults");
        assertValidation(() -> sm.listSecrets(b -> b.maxResults(101)), "maxResults");
    }

    @Test
    void anUnknownSortOrderFailsValidation() {
        assertValidation(() -> sm.listSecrets(b -> b.sortOrder("sideways")), "sortOrder");
    }

    private static void create(String name, String description, Tag[] tags) {
        sm.createSecret(b -> b.name(name).description(description).tags(tags).secretString("v"));
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    private static Filter f(String key, String... values) {
        return Filter.builder().key(key).values(values).build();
    }

    private static java.util.function.Consumer<ListSecretsRequest.Builder> filter(String key, String... values) {
        return b -> b.filters(f(key, values));
    }

    private static List<SecretListEntry> entries(java.util.function.Consumer<ListSecretsRequest.Builder> request) {
        return sm.listSecretsPaginator(request).stream().flatMap(page -> page.secretList().stream()).toList();
    }

    private static List<String> names(java.util.function.Consumer<ListSecretsRequest.Builder> request) {
        return entries(request).stream().map(SecretListEntry::name).toList();
    }
}
