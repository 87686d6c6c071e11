package io.strongroom.core.secret;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.arn.SecretArn;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretLocatorTest {
    static final String REGION = "eu-west-1";
    static final String ME = "111122223333";
    static final String OTHER = "444455556666";

    final Map<String, SecretState> live = new HashMap<>();
    final SecretLocator.NameLookup names = (account, name) -> Optional.ofNullable(live.get(account + "/" + name));

    SecretState secret(String account, String name, String secretId) {
        SecretState state = new SecretState(secretId, account, REGION, name, null, null, List.of(), Instant.EPOCH,
                Instant.EPOCH, null, null, Map.of(), 1, Lifecycle.ACTIVE);
        live.put(account + "/" + name, state);
        return state;
    }

    Optional<SecretState> locate(String secretId) {
        return SecretLocator.locate(ME, REGION, secretId, names);
    }

    static String partialArn(String region, String account, String name) {
        return "arn:aws:secretsmanager:" + region + ":" + account + ":secret:" + name;
    }

    @Test
    void findsBySecretName() {
        SecretState db = secret(ME, "app/db", "id-1");

        assertThat(locate("app/db")).contains(db);
    }

    @Test
    void findsByPartialArn() {
        SecretState db = secret(ME, "app/db", "id-1");

        assertThat(locate(partialArn(REGION, ME, "app/db"))).contains(db);
    }

    @Test
    void findsByFullArn() {
        SecretState db = secret(ME, "app/db", "id-1");

        assertThat(locate(SecretLocator.arnOf(db))).contains(db);
    }

    @Test
    void theFullArnOfAPurgedIncarnationDoesNotReachItsSuccessor() {
        String oldArn = SecretArn.of(REGION, ME, "app/db", "id-old").toString();
        secret(ME, "app/db", "id-new");

        assertThat(locate(oldArn)).isEmpty();
    }

    @Test
    void anArnOfAnotherRegionFindsNothing() {
        secret(ME, "app/db", "id-1");

        assertThat(locate(SecretArn.of("us-east-1", ME, "app/db", "id-1").toString())).isEmpty();
        assertThat(locate(partialArn("us-east-1", ME, "app/db"))).isEmpty();
    }

    @Test
    void aNameEndingInSixCharactersIsFoundByNameAndByPartialArn() {
        SecretState prod = secret(ME, "db-prod01", "id-1");

        assertThat(locate("db-prod01")).contains(prod);
        assertThat(locate(partialArn(REGION, ME, "db-prod01"))).contains(prod);
        assertThat(locate(SecretLocator.arnOf(prod))).contains(prod);
    }

    @Test
    void anArnOfAnotherAccountLooksUpThatAccount() {
        SecretState theirs = secret(OTHER, "shared", "id-2");
        secret(ME, "shared", "id-3");

        assertThat(locate(partialArn(REGION, OTHER, "shared"))).contains(theirs);
        assertThat(locate(SecretLocator.arnOf(theirs))).contains(theirs);
    }

    @Test
    void aNameIsLookedUpInTheCallerAccountOnly() {
        secret(OTHER, "shared", "id-2");

        assertThat(locate("shared")).isEmpty();
    }

    @Test
    void anUnknownSecretFindsNothing() {
        assertThat(locate("nope")).isEmpty();
        assertThat(locate("arn:aws:secretsmanager:eu-west-1:111122223333:secret:nope-AbC123")).isEmpty();
        assertThat(locate("arn:aws:kms:eu-west-1:111122223333:key/abc")).isEmpty();
    }
}
