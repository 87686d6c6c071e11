package io.strongroom.core.aggregate;

import static io.strongroom.core.aggregate.AggregateScenario.given;
import static io.strongroom.core.aggregate.Fixtures.NAME;
import static io.strongroom.core.aggregate.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.command.TagResource;
import io.strongroom.core.command.UntagResource;
import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.event.SecretCreated;
import io.strongroom.core.event.TagsRemoved;
import io.strongroom.core.event.TagsSet;
import io.strongroom.core.secret.Tag;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TagRulesTest {
    static final Tag TEAM = new Tag("team", "payments");
    static final Tag ENV = new Tag("env", "prod");

    static SecretCreated createdWith(List<Tag> tags) {
        return new SecretCreated(NAME, null, null, tags);
    }

    static List<Tag> tags(int n, String prefix) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> new Tag(prefix + i, "v")).toList();
    }

    @Nested
    class TagResourceCommand {
        @Test
        void appendsNewTagsAfterTheExistingOnes() {
            HandledCommand handled = given(createdWith(List.of(TEAM)))
                    .when(new TagResource(List.of(ENV)))
                    .expectEvents(new TagsSet(List.of(ENV)));

            assertThat(handled.stateAfter().tags()).containsExactly(TEAM, ENV);
            assertThat(handled.stateAfter().lastChangedDate()).isEqualTo(NOW);
            assertThat(handled.keyChanges()).isEmpty();
        }

        @Test
        void onAnExistingKeyReplacesItsValueInPlace() {
            HandledCommand handled = given(createdWith(List.of(TEAM, ENV)))
                    .when(new TagResource(List.of(new Tag("team", "identity"))))
                    .expectEvents(new TagsSet(List.of(new Tag("team", "identity"))));

            assertThat(handled.stateAfter().tags()).containsExactly(new Tag("team", "identity"), ENV);
        }

        @Test
        void withTheSameKeyTwiceKeepsTheLastValue() {
            HandledCommand handled = given(createdWith(List.of()))
                    .when(new TagResource(List.of(new Tag("k", "1"), new Tag("k", "2"))))
                    .expectEvents(new TagsSet(List.of(new Tag("k", "1"), new Tag("k", "2"))));

            assertThat(handled.stateAfter().tags()).containsExactly(new Tag("k", "2"));
        }

        @Test
        void upToFiftyTagsInAllIsAccepted() {
            HandledCommand handled = given(createdWith(tags(49, "old")))
                    .when(new TagResource(List.of(TEAM)))
                    .expectEvents(new TagsSet(List.of(TEAM)));

            assertThat(handled.stateAfter().tags()).hasSize(50);
        }

        @Test
        void beyondFiftyTagsInAllIsAnInvalidRequest() {
            given(createdWith(tags(49, "old")))
                    .when(new TagResource(List.of(TEAM, ENV)))
                    .expectRejection(AwsErrorCode.INVALID_REQUEST, TagRules.TOO_MANY_TAGS);
        }

        @Test
        void replacingValuesOfFiftyExistingTagsStaysWithinTheLimit() {
            given(createdWith(tags(50, "k")))
                    .when(new TagResource(List.of(new Tag("k1", "new"))))
                    .expectEvents(new TagsSet(List.of(new Tag("k1", "new"))));
        }
    }

    @Nested
    class UntagResourceCommand {
        @Test
        void removesTheTagsWithTheGivenKeys() {
            HandledCommand handled = given(createdWith(List.of(TEAM, ENV)))
                    .when(new UntagResource(List.of("team")))
                    .expectEvents(new TagsRemoved(List.of("team")));

            assertThat(handled.stateAfter().tags()).containsExactly(ENV);
        }

        @Test
        void ignoresKeysTheSecretDoesNotHave() {
            given(createdWith(List.of(TEAM, ENV)))
                    .when(new UntagResource(List.of("absent", "env", "env")))
                    .expectEvents(new TagsRemoved(List.of("env")));
        }

        @Test
        void withOnlyAbsentKeysSucceedsWithoutAnyEvent() {
            HandledCommand handled = given(createdWith(List.of(TEAM)))
                    .when(new UntagResource(List.of("absent")))
                    .expectEvents();

            assertThat(handled.stateAfter().tags()).containsExactly(TEAM);
        }
    }
}
