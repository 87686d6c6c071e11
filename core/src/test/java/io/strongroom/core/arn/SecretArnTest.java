package io.strongroom.core.arn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SecretArnTest {

    @Test
    void theSuffixIsDeterministicPerIncarnation() {
        assertThat(SecretArn.suffixOf("abc")).isEqualTo(SecretArn.suffixOf("abc"));
        assertThat(SecretArn.suffixOf("abc")).isNotEqualTo(SecretArn.suffixOf("abd"));
    }

    @Test
    void theSuffixIsSixAlphanumericCharacters() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String suffix = SecretArn.suffixOf(UUID.randomUUID().toString());
            assertThat(suffix).matches("[A-Za-z0-9]{6}");
            seen.add(suffix);
        }
        assertThat(seen).hasSizeGreaterThan(990);
    }

    @Test
    void printsAsAwsWritesSecretArns() {
        SecretArn arn = SecretArn.of("eu-west-1", "111122223333", "app/db", "id-1");

        assertThat(arn.toString()).isEqualTo(
                "arn:aws:secretsmanager:eu-west-1:111122223333:secret:app/db-" + SecretArn.suffixOf("id-1"));
    }

    @Test
    void parsesRegionAccountAndResource() {
        assertThat(SecretArn.parse("arn:aws:secretsmanager:eu-west-1:111122223333:secret:app/db-AbC123"))
                .contains(new SecretArn.Parsed("aws", "eu-west-1", "111122223333", "app/db-AbC123"));
    }

    @Test
    void refusesWhatIsNotASecretArn() {
        assertThat(SecretArn.parse("app/db")).isEmpty();
        assertThat(SecretArn.parse("arn:aws:kms:eu-west-1:111122223333:key/abc")).isEmpty();
        assertThat(SecretArn.parse("arn:aws:secretsmanager:eu-west-1:111122223333:secret:")).isEmpty();
        assertThat(SecretArn.parse("arn:aws:secretsmanager:eu-west-1:111122223333:other:x")).isEmpty();
    }

    @Test
    void anArnPrintedIsParsedBack() {
        SecretArn arn = SecretArn.of("eu-west-1", "111122223333", "app/db", "id-1");

        assertThat(SecretArn.parse(arn.toString())).get().satisfies(p -> {
            assertThat(p.region()).isEqualTo("eu-west-1");
            assertThat(p.account()).isEqualTo("111122223333");
            assertThat(p.resource()).isEqualTo("app/db-" + arn.suffix());
        });
    }
}
