package io.strongroom.systemtests.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.systemtests.support.SharedRegion;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.InvalidNextTokenException;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;

@ExtendWith(SharedRegion.class)
class ListSecretsTest {
    private static SecretsManagerClient owner;
    private static SecretsManagerClient stranger;

    @BeforeAll
    static void secrets() {
        owner = SharedRegion.newAccount().client(SharedRegion.endpoint());
        stranger = SharedRegion.newAccount().client(SharedRegion.endpoint());
        IntStream.rangeClosed(1, 7).forEach(i -> owner.createSecret(b -> b.name("list/secret-" + i).secretString("v")));
    }

    @AfterAll
    static void close() {
        owner.close();
        stranger.close();
    }

    @Test
    void listsEverySecretOfTheAccountAcrossPages() {
        List<String> names = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            ListSecretsResponse page = owner.listSecrets(b -> b.maxResults(3).nextToken(next));
            assertThat(page.secretList()).hasSizeLessThanOrEqualTo(3);
            page.secretList().stream().map(SecretListEntry::name).forEach(names::add);
            token = page.nextToken();
            pages++;
        } while (token != null && pages < 10);

        assertThat(names).containsExactlyInAnyOrder(IntStream.rangeClosed(1, 7).mapToObj(i -> "list/secret-" + i)
                .toArray(String[]::new));
        assertThat(pages).isGreaterThanOrEqualTo(3);
    }

    @Test
    void entriesCarryArnAndStages() {
        SecretListEntry entry = owner.listSecrets(b -> b.maxResults(100)).secretList().get(0);
        assertThat(entry.arn()).startsWith("arn:aws:secretsmanager:us-east-1:");
        assertThat(entry.secretVersionsToStages()).hasSize(1);
        assertThat(entry.createdDate()).isNotNull();
    }

    @Test
    void anotherAccountSeesNoneOfThem() {
        assertThat(stranger.listSecrets(b -> b.maxResults(100)).secretList()).isEmpty();
    }

    @Test
    void aForgedNextTokenIsRefused() {
        assertThatThrownBy(() -> owner.listSecrets(b -> b.nextToken("bm90LWEtdG9rZW4")))
                .isInstanceOf(InvalidNextTokenException.class);
    }
}
