package io.strongroom.systemtests.api;

import static io.strongroom.systemtests.support.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.systemtests.support.SharedRegion;
import io.strongroom.systemtests.support.TestAccount;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/** TagResource through the AWS SDK against the real pipeline. */
@ExtendWith(SharedRegion.class)
class TagResourceTest {
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

    private static String secret(String base, Tag... tags) {
        String name = base + "-" + UUID.randomUUID().toString().substring(0, 8);
        sm.createSecret(b -> b.name(name).secretString("x").tags(tags));
        return name;
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    private static List<Tag> tags(int n, String prefix) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> tag(prefix + i, "v")).toList();
    }

    private static List<Tag> tagsOf(String name) {
        return sm.describeSecret(b -> b.secretId(name)).tags();
    }

    @Test
    void tagsAreAppendedToTheExistingOnesAndShownByDescribeSecret() {
        String name = secret("tagged", tag("team", "payments"));

        sm.tagResource(b -> b.secretId(name).tags(tag("env", "prod"), tag("tier", "")));

        assertThat(tagsOf(name)).containsExactly(tag("team", "payments"), tag("env", "prod"), tag("tier", ""));
    }

    @Test
    void taggingAnExistingKeyReplacesItsValue() {
        String name = secret("retagged", tag("team", "payments"), tag("env", "prod"));

        sm.tagResource(b -> b.secretId(name).tags(tag("team", "identity")));

        assertThat(tagsOf(name)).containsExactly(tag("team", "identity"), tag("env", "prod"));
    }

    @Test
    void taggingByFullArnWorks() {
        String name = secret("by-arn");
        String arn = sm.describeSecret(b -> b.secretId(name)).arn();

        sm.tagResource(b -> b.secretId(arn).tags(tag("k", "v")));

        assertThat(tagsOf(name)).containsExactly(tag("k", "v"));
    }

    @Test
    void aSecretCanHoldFiftyTags() {
        String name = secret("fifty");

        sm.tagResource(b -> b.secretId(name).tags(tags(50, "k")));

        assertThat(tagsOf(name)).hasSize(50);
    }

    @Test
    void aFiftyFirstTagIsAnInvalidRequestAndChangesNothing() {
        String name = secret("fifty-one");
        sm.tagResource(b -> b.secretId(name).tags(tags(49, "k")));

        assertThatThrownBy(() -> sm.tagResource(b -> b.secretId(name).tags(tag("a", "1"), tag("b", "2"))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("maximum number of tags (50)");
        assertThat(tagsOf(name)).hasSize(49);
    }

    @Test
    void aKeyLongerThan128CharactersIsAValidationException() {
        String name = secret("long-key");
        assertAwsError(() -> sm.tagResource(b -> b.secretId(name).tags(tag("k".repeat(129), "v"))),
                "ValidationException", "Member must have length less than or equal to 128");
    }

    @Test
    void aKeyOf128CharactersIsAccepted() {
        String name = secret("key-128");
        sm.tagResource(b -> b.secretId(name).tags(tag("k".repeat(128), "v".repeat(256))));

        assertThat(tagsOf(name)).containsExactly(tag("k".repeat(128), "v".repeat(256)));
    }

    @Test
    void aValueLongerThan256CharactersIsAValidationException() {
        String name = secret("long-value");
        assertAwsError(() -> sm.tagResource(b -> b.secretId(name).tags(tag("k", "v".repeat(257)))),
                "ValidationException", "Member must have length less than or equal to 256");
    }

    @Test
    void anEmptyKeyIsAValidationException() {
        String name = secret("empty-key");
        assertAwsError(() -> sm.tagResource(b -> b.secretId(name).tags(tag("", "v"))),
                "ValidationException", "Member must have length greater than or equal to 1");
    }

    @Test
    void aKeyWithTheAwsPrefixIsAnInvalidParameter() {
        String name = secret("reserved");
        assertThatThrownBy(() -> sm.tagResource(b -> b.secretId(name).tags(tag("AWS:team", "v"))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("aws:");
        assertThat(tagsOf(name)).isEmpty();
    }

    @Test
    void aKeyWithACharacterOutsideTheTagCharacterSetIsAnInvalidParameter() {
        String name = secret("bad-char");
        assertThatThrownBy(() -> sm.tagResource(b -> b.secretId(name).tags(tag("team#1", "v"))))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void keysOfLettersNumbersSpacesAndTheSevenSymbolsAreAccepted() {
        String name = secret("chars");
        sm.tagResource(b -> b.secretId(name).tags(tag("Cost Center+-=._:/@ 1", "Équipe 数字")));

        assertThat(tagsOf(name)).containsExactly(tag("Cost Center+-=._:/@ 1", "Équipe 数字"));
    }

    @Test
    void taggingAnUnknownSecretIsNotFound() {
        assertThatThrownBy(() -> sm.tagResource(b -> b.secretId("never-" + UUID.randomUUID()).tags(tag("k", "v"))))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void taggingASecretScheduledForDeletionIsAnInvalidRequest() {
        String name = secret("doomed");
        sm.deleteSecret(b -> b.secretId(name));

        assertThatThrownBy(() -> sm.tagResource(b -> b.secretId(name).tags(tag("k", "v"))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("You can't perform this operation on the secret because it was marked for deletion.");
    }

    @Test
    void withoutTagsIsAValidationException() {
        String name = secret("no-tags");
        assertAwsError(() -> sm.tagResource(b -> b.secretId(name)), "ValidationException",
                "Value null at 'tags' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void createSecretAppliesTheSameTagRules() {
        assertThatThrownBy(() -> sm.createSecret(b -> b.name("reserved-" + UUID.randomUUID()).secretString("x")
                .tags(tag("aws:team", "v"))))
                .isInstanceOf(InvalidParameterException.class);
    }
}
