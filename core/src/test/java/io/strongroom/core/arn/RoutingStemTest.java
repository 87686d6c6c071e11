package io.strongroom.core.arn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoutingStemTest {
    static final String ACCOUNT = "111122223333";
    static final String PARTIAL = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:app/db";

    @Test
    void aNameItsPartialArnAndItsFullArnShareOneStem() {
        String fullArn = SecretArn.of("eu-west-1", ACCOUNT, "app/db", "some-secret-id").toString();

        assertThat(RoutingStem.of(ACCOUNT, "app/db")).isEqualTo("111122223333/app/db");
        assertThat(RoutingStem.of(ACCOUNT, PARTIAL)).isEqualTo("111122223333/app/db");
        assertThat(RoutingStem.of(ACCOUNT, fullArn)).isEqualTo("111122223333/app/db");
    }

    @Test
    void everyTrailingSixCharacterSuffixIsStripped() {
        assertThat(RoutingStem.of(ACCOUNT, "db-prod01-AbC123")).isEqualTo("111122223333/db");
        assertThat(RoutingStem.of(ACCOUNT, "db-prod01-AbC123-zzzzzz")).isEqualTo("111122223333/db");
    }

    @Test
    void aSegmentOfAnotherLengthIsKept() {
        assertThat(RoutingStem.of(ACCOUNT, "db-prod1")).isEqualTo("111122223333/db-prod1");
        assertThat(RoutingStem.of(ACCOUNT, "db-prod001")).isEqualTo("111122223333/db-prod001");
    }

    @Test
    void anArnRoutesByItsOwnAccountNotTheCaller() {
        assertThat(RoutingStem.of("999999999999", PARTIAL)).isEqualTo("111122223333/app/db");
    }

    @Test
    void theStemOfAFullArnDoesNotDependOnTheIncarnation() {
        String first = SecretArn.of("eu-west-1", ACCOUNT, "app/db", "incarnation-1").toString();
        String second = SecretArn.of("eu-west-1", ACCOUNT, "app/db", "incarnation-2").toString();

        assertThat(RoutingStem.of(ACCOUNT, first)).isEqualTo(RoutingStem.of(ACCOUNT, second));
    }
}
