package io.strongroom.systemtests.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.systemtests.support.SharedRegion;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.APIErrorType;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.Filter;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;
import software.amazon.awssdk.services.secretsmanager.model.InvalidNextTokenException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.SecretValueEntry;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/** BatchGetSecretValue through the AWS SDK: ids or filters, per-secret errors, pagination, validation. */
@ExtendWith(SharedRegion.class)
class BatchGetSecretValueTest {
    private static final String PREFIX = "batch-" + UUID.randomUUID().toString().substring(0, 6) + "/";
    private static SecretsManagerClient sm;
    private static SecretsManagerClient stranger;

    @BeforeAll
    static void secrets() {
        sm = SharedRegion.newAccount().client(SharedRegion.endpoint());
        stranger = SharedRegion.newAccount().client(SharedRegion.endpoint());
        sm.createSecret(b -> b.name(PREFIX + "text").secretString("plain text"));
        sm.createSecret(b -> b.name(PREFIX + "bytes").secretBinary(SdkBytes.fromByteArray(new byte[] {1, 2, 3})));
        IntStream.rangeClosed(1, 5).forEach(i -> sm.createSecret(b -> b.name(PREFIX + "many/" + i).secretString("v" + i)));
        sm.createSecret(b -> b.name(PREFIX + "doomed").secretString("gone soon"));
        sm.deleteSecret(b -> b.secretId(PREFIX + "doomed"));
    }

    @AfterAll
    static void close() {
        sm.close();
        stranger.close();
    }

    @Test
    void answersTheCurrentValueOfEachListedSecretShapedLikeGetSecretValue() {
        BatchGetSecretValueResponse batch = sm.batchGetSecretValue(b -> b.secretIdList(PREFIX + "text", PREFIX + "bytes"));

        assertThat(batch.errors()).isEmpty();
        assertThat(batch.secretValues()).extracting(SecretValueEntry::name).containsExactly(PREFIX + "text", PREFIX + "bytes");
        SecretValueEntry text = batch.secretValues().get(0);
        var single = sm.getSecretValue(b -> b.secretId(PREFIX + "text"));
        assertThat(text.arn()).isEqualTo(single.arn());
        assertThat(text.versionId()).isEqualTo(single.versionId());
        assertThat(text.secretString()).isEqualTo("plain text");
        assertThat(text.versionStages()).containsExactly("AWSCURRENT");
        assertThat(text.createdDate()).isEqualTo(single.createdDate());
        assertThat(batch.secretValues().get(1).secretBinary().asByteArray()).containsExactly(1, 2, 3);
        assertThat(batch.secretValues().get(1).secretString()).isNull();
        assertThat(batch.nextToken()).isNull();
    }

    @Test
    void aSecretThatDoesNotExistIsAnErrorEntryWhileTheCallSucceeds() {
        BatchGetSecretValueResponse batch = sm.batchGetSecretValue(b -> b.secretIdList(PREFIX + "text", PREFIX + "nope"));

        assertThat(batch.secretValues()).extracting(SecretValueEntry::name).containsExactly(PREFIX + "text");
        assertThat(batch.errors()).singleElement().satisfies(error -> {
            assertThat(error.secretId()).isEqualTo(PREFIX + "nope");
            assertThat(error.errorCode()).isEqualTo("ResourceNotFoundException");
            assertThat(error.message()).isEqualTo("Secrets Manager can't find the specified secret.");
        });
    }

    @Test
    void aSecretScheduledForDeletionIsAnInvalidRequestErrorEntry() {
        APIErrorType error = sm.batchGetSecretValue(b -> b.secretIdList(PREFIX + "doomed")).errors().get(0);

        assertThat(error.errorCode()).isEqualTo("InvalidRequestException");
        assertThat(error.message()).contains("marked for deletion");
    }

    @Test
    void anotherAccountsSecretIsAnAccessDeniedErrorEntry() {
        String arn = sm.describeSecret(b -> b.secretId(PREFIX + "text")).arn();

        BatchGetSecretValueResponse batch = stranger.batchGetSecretValue(b -> b.secretIdList(arn));

        assertThat(batch.secretValues()).isEmpty();
        assertThat(batch.errors()).singleElement().satisfies(error -> {
            assertThat(error.secretId()).isEqualTo(arn);
            assertThat(error.errorCode()).isEqualTo("AccessDeniedException");
        });
    }

    @Test
    void filtersChooseTheSecretsAndPagesFollowNextToken() {
        Filter many = Filter.builder().key(FilterNameStringType.NAME).values(PREFIX + "many/").build();
        List<String> names = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            BatchGetSecretValueResponse page = sm.batchGetSecretValue(b -> b.filters(many).maxResults(2).nextToken(next));
            assertThat(page.secretValues()).hasSizeLessThanOrEqualTo(2);
            page.secretValues().forEach(entry -> names.add(entry.name() + "=" + entry.secretString()));
            token = page.nextToken();
            pages++;
        } while (token != null && pages < 10);

        assertThat(names).containsExactlyInAnyOrder(IntStream.rangeClosed(1, 5)
                .mapToObj(i -> PREFIX + "many/" + i + "=v" + i).toArray(String[]::new));
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void filtersLeaveOutSecretsScheduledForDeletion() {
        Filter all = Filter.builder().key(FilterNameStringType.NAME).values(PREFIX).build();

        BatchGetSecretValueResponse batch = sm.batchGetSecretValue(b -> b.filters(all));

        assertThat(batch.secretValues()).extracting(SecretValueEntry::name).hasSize(7).doesNotContain(PREFIX + "doomed");
        assertThat(batch.errors()).isEmpty();
    }

    @Test
    void secretIdListAndFiltersTogetherAreAnInvalidParameter() {
        assertThatThrownBy(() -> sm.batchGetSecretValue(b -> b.secretIdList(PREFIX + "text")
                .filters(Filter.builder().key(FilterNameStringType.NAME).values("x").build())))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Either 'SecretIdList' or 'Filters' must be provided, but not both.");
    }

    @Test
    void neitherSecretIdListNorFiltersIsAnInvalidParameter() {
        assertThatThrownBy(() -> sm.batchGetSecretValue(b -> { }))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void maxResultsWithoutFiltersIsAnInvalidParameter() {
        assertThatThrownBy(() -> sm.batchGetSecretValue(b -> b.secretIdList(PREFIX + "text").maxResults(5)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("'Filters' must also be specified when 'MaxResults' is provided.");
    }

    @Test
    void nextTokenWithoutFiltersIsAnInvalidParameter() {
        assertThatThrownBy(() -> sm.batchGetSecretValue(b -> b.secretIdList(PREFIX + "text").nextToken("abc")))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void moreThanTwentySecretIdsFailValidation() {
        List<String> ids = IntStream.rangeClosed(1, 21).mapToObj(i -> PREFIX + "x" + i).toList();
        assertValidation(() -> sm.batchGetSecretValue(b -> b.secretIdList(ids)), "secretIdList");
    }

    @Test
    void maxResultsAboveTwentyFailsValidation() {
        Filter any = Filter.builder().key(FilterNameStringType.NAME).values(PREFIX).build();
        assertValidation(() -> sm.batchGetSecretValue(b -> b.filters(any).maxResults(21)), "maxResults");
    }

    @Test
    void aForgedNextTokenIsRefused() {
        Filter any = Filter.builder().key(FilterNameStringType.NAME).values(PREFIX).build();
        assertThatThrownBy(() -> sm.batchGetSecretValue(b -> b.filters(any).nextToken("bm90LWEtdG9rZW4")))
                .isInstanceOf(InvalidNextTokenException.class);
    }

    static void assertValidation(Runnable call, String member) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(SecretsManagerException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            assertThat(e.awsErrorDetails().errorMessage()).contains("'" + member);
        });
    }
}
