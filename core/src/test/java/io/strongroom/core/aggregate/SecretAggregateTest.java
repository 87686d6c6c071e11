package io.strongroom.core.aggregate;

import static io.strongroom.core.aggregate.AggregateScenario.given;
import static io.strongroom.core.aggregate.Fixtures.ACCOUNT;
import static io.strongroom.core.aggregate.Fixtures.NAME;
import static io.strongroom.core.aggregate.Fixtures.NOW;
import static io.strongroom.core.aggregate.Fixtures.PRINCIPAL;
import static io.strongroom.core.aggregate.Fixtures.SECRET_ID;
import static io.strongroom.core.aggregate.Fixtures.added;
import static io.strongroom.core.aggregate.Fixtures.created;
import static io.strongroom.core.aggregate.Fixtures.stages;
import static io.strongroom.core.aggregate.Fixtures.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.command.Command;
import io.strongroom.core.command.CommandEnvelope;
import io.strongroom.core.command.CreateSecret;
import io.strongroom.core.command.DeleteSecret;
import io.strongroom.core.command.NewValue;
import io.strongroom.core.command.PutSecretValue;
import io.strongroom.core.command.UpdateSecret;
import io.strongroom.core.crypto.WrappedKey;
import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.event.DeletionScheduled;
import io.strongroom.core.event.SecretCreated;
import io.strongroom.core.event.SecretPurged;
import io.strongroom.core.event.SecretUpdated;
import io.strongroom.core.event.VersionAdded;
import io.strongroom.core.event.VersionStagesSet;
import io.strongroom.core.secret.Lifecycle;
import io.strongroom.core.secret.Tag;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SecretAggregateTest {
    static final String NEW_ID = "5b3c1c0e-0000-4000-8000-000000000002";
    static final String NOT_FOUND = "Secrets Manager can't find the specified secret.";
    static final String MARKED_FOR_DELETION =
            "You can't perform this operation on the secret because it was marked for deletion.";

    static PutSecretValue put(String token, NewValue value) {
        return new PutSecretValue(token, value, null);
    }

    @Nested
    class CreateSecretCommand {
        final List<Tag> tags = List.of(new Tag("team", "payments"));

        @Test
        void withAValueCreatesTheSecretAndAFirstVersionLabelledAwsCurrent() {
            NewValue v1 = value("v1");
            HandledCommand handled = given()
                    .when(new CreateSecret(NEW_ID, NAME, "the db", "alias/custom", tags, "v1", v1))
                    .expectEvents(
                            new SecretCreated(NAME, "the db", "alias/custom", tags),
                            new VersionAdded("v1", v1.value()),
                            new VersionStagesSet(Map.of("v1", List.of("AWSCURRENT"))));

            assertThat(handled.keyChanges()).containsExactly(KeyChange.put(NEW_ID, "v1", v1.wrappedKey()));
            assertThat(handled.outcome().secretId()).isEqualTo(NEW_ID);
            assertThat(handled.stateAfter().secretId()).isEqualTo(NEW_ID);
            assertThat(handled.stateAfter().versionWithStage("AWSCURRENT")).get()
                    .extracting(v -> v.versionId()).isEqualTo("v1");
        }

        @Test
        void withoutAValueCreatesOnlyTheSecretAndNoKey() {
            HandledCommand handled = given()
                    .when(new CreateSecret(NEW_ID, NAME, null, null, null, "t1", null))
                    .expectEvents(new SecretCreated(NAME, null, null, List.of()));

            assertThat(handled.keyChanges()).isEmpty();
            assertThat(handled.stateAfter().versions()).isEmpty();
        }

        @Test
        void onANameHeldByALiveSecretIsRejectedAsExisting() {
            given(created(), added("v1"), stages("v1", "AWSCURRENT"))
                    .when(new CreateSecret(NEW_ID, NAME, null, null, null, "other", value("x")))
                    .expectRejection(AwsErrorCode.RESOURCE_EXISTS,
                            "The operation failed because the secret app/db already exists.");
        }

        @Test
        void withoutAValueOnANameHeldByALiveSecretIsRejectedAsExisting() {
            given(created())
                    .when(new CreateSecret(NEW_ID, NAME, null, null, null, null, null))
                    .expectRejection(AwsErrorCode.RESOURCE_EXISTS,
                            "The operation failed because the secret app/db already exists.");
        }

        @Test
        void repeatedWithTheSameTokenIsUnchanged() {
            given(created(), added("v1"), stages("v1", "AWSCURRENT"))
                    .when(new CreateSecret(NEW_ID, NAME, null, null, null, "v1", value("v1")))
                    .expectUnchanged("v1");
        }

        @Test
        void onANameScheduledForDeletionIsAnInvalidRequest() {
            given(created(), new DeletionScheduled(NOW))
                    .when(new CreateSecret(NEW_ID, NAME, null, null, null, "v1", value("v1")))
                    .expectRejection(AwsErrorCode.INVALID_REQUEST,
                            "You can't create this secret because a secret with this name is already scheduled for deletion.");
        }

        @Test
        void onANameWhoseSecretWasPurgedCreatesANewIncarnation() {
            HandledCommand handled = given(created(), new SecretPurged())
                    .when(new CreateSecret(NEW_ID, NAME, null, null, null, null, null))
                    .expectEvents(new SecretCreated(NAME, null, null, List.of()));

            assertThat(handled.stateAfter().secretId()).isEqualTo(NEW_ID);
            assertThat(handled.stateAfter().seq()).isEqualTo(1);
            assertThat(handled.stateAfter().lifecycle()).isEqualTo(Lifecycle.ACTIVE);
        }
    }

    @Nested
    class PutSecretValueCommand {
        @Test
        void byDefaultMovesAwsCurrentAndAwsPreviousListingOnlyChangedVersions() {
            NewValue v4 = value("v4");
            HandledCommand handled = given(created(),
                    added("v1"), stages("v1", "AWSCURRENT"),
                    added("v2"), new VersionStagesSet(Map.of("v2", List.of("AWSCURRENT"), "v1", List.of("AWSPREVIOUS"))),
                    added("v3"), new VersionStagesSet(Map.of("v3", List.of("AWSCURRENT"), "v2", List.of("AWSPREVIOUS"),
                            "v1", List.of())))
                    .when(put("v4", v4))
                    .expectEvents(new VersionAdded("v4", v4.value()), new VersionStagesSet(Map.of(
                            "v4", List.of("AWSCURRENT"),
                            "v3", List.of("AWSPREVIOUS"),
                            "v2", List.of())));

            assertThat(handled.keyChanges()).containsExactly(KeyChange.put(SECRET_ID, "v4", v4.wrappedKey()));
            assertThat(handled.stateAfter().version("v2")).get().extracting(v -> v.stages()).asList().isEmpty();
        }

        @Test
        void withAwsPendingLeavesAwsCurrentInPlaceAndTakesPendingFromItsHolder() {
            NewValue v3 = value("v3");
            given(created(), added("v1"), stages("v1", "AWSCURRENT"), added("v2"), stages("v2", "AWSPENDING"))
                    .when(new PutSecretValue("v3", v3, List.of("AWSPENDING")))
                    .expectEvents(new VersionAdded("v3", v3.value()), new VersionStagesSet(Map.of(
                            "v3", List.of("AWSPENDING"),
                            "v2", List.of())));
        }

        @Test
        void withCustomLabelsMovesThemAndKeepsTheHolderOtherLabels() {
            NewValue v2 = value("v2");
            given(created(), added("v1"), stages("v1", "AWSCURRENT", "blue"))
                    .when(new PutSecretValue("v2", v2, List.of("blue", "green")))
                    .expectEvents(new VersionAdded("v2", v2.value()), new VersionStagesSet(Map.of(
                            "v2", List.of("blue", "green"),
                            "v1", List.of("AWSCURRENT"))));
        }

        @Test
        void asTheFirstVersionAlwaysGetsAwsCurrent() {
            NewValue v1 = value("v1");
            given(created())
                    .when(new PutSecretValue("v1", v1, List.of("AWSPENDING")))
                    .expectEvents(new VersionAdded("v1", v1.value()),
                            new VersionStagesSet(Map.of("v1", List.of("AWSPENDING", "AWSCURRENT"))));
        }

        @Test
        void repeatedWithTheSameTokenIsUnchanged() {
            given(created(), added("v1"), stages("v1", "AWSCURRENT"))
                    .when(put("v1", value("v1")))
                    .expectUnchanged("v1");
        }

        @Test
        void onASecretScheduledForDeletionIsAnInvalidRequest() {
            given(created(), added("v1"), stages("v1", "AWSCURRENT"), new DeletionScheduled(NOW))
                    .when(put("v2", value("v2")))
                    .expectRejection(AwsErrorCode.INVALID_REQUEST, MARKED_FOR_DELETION);
        }

        @Test
        void onAnUnknownSecretIsNotFound() {
            given().when(put("v1", value("v1"))).expectRejection(AwsErrorCode.RESOURCE_NOT_FOUND, NOT_FOUND);
        }

        @Test
        void onAPurgedSecretIsNotFound() {
            given(created(), new SecretPurged())
                    .when(put("v1", value("v1")))
                    .expectRejection(AwsErrorCode.RESOURCE_NOT_FOUND, NOT_FOUND);
        }

        @Test
        void forAnotherIncarnationThanTheGatewayEncryptedForIsNotFound() {
            given(created())
                    .when(new CommandEnvelope("cmd-1", ACCOUNT, PRINCIPAL, NOW.plusSeconds(30), NAME,
                            "an-older-incarnation", put("v1", value("v1"))))
                    .expectRejection(AwsErrorCode.RESOURCE_NOT_FOUND, NOT_FOUND);
        }

        @Test
        void forTheIncarnationTheGatewayEncryptedForIsApplied() {
            NewValue v1 = value("v1");
            given(created())
                    .when(new CommandEnvelope("cmd-1", ACCOUNT, PRINCIPAL, NOW.plusSeconds(30), NAME, SECRET_ID,
                            put("v1", v1)))
                    .expectEvents(new VersionAdded("v1", v1.value()), stages("v1", "AWSCURRENT"));
        }
    }

    @Nested
    class UpdateSecretCommand {
        @Test
        void withADescriptionOnlyChangesMetadataAndNoVersion() {
            HandledCommand handled = given(created(), added("v1"), stages("v1", "AWSCURRENT"))
                    .when(new UpdateSecret("new description", null, "t2", null))
                    .expectEvents(new SecretUpdated("new description", null));

            assertThat(handled.keyChanges()).isEmpty();
            assertThat(handled.stateAfter().description()).isEqualTo("new description");
            assertThat(handled.stateAfter().lastChangedDate()).isEqualTo(NOW);
        }

        @Test
        void withAValueOnlyAddsAnAwsCurrentVersion() {
            NewValue v2 = value("v2");
            HandledCommand handled = given(created(), added("v1"), stages("v1", "AWSCURRENT"))
                    .when(new UpdateSecret(null, null, "v2", v2))
                    .expectEvents(new VersionAdded("v2", v2.value()), new VersionStagesSet(Map.of(
                            "v2", List.of("AWSCURRENT"),
                            "v1", List.of("AWSPREVIOUS"))));

            assertThat(handled.keyChanges()).containsExactly(KeyChange.put(SECRET_ID, "v2", v2.wrappedKey()));
        }

        @Test
        void withDescriptionKeyAndValueChangesBoth() {
            NewValue v2 = value("v2");
            HandledCommand handled = given(created(), added("v1"), stages("v1", "AWSCURRENT"))
                    .when(new UpdateSecret("d2", "alias/other", "v2", v2))
                    .expectEvents(new SecretUpdated("d2", "alias/other"), new VersionAdded("v2", v2.value()),
                            new VersionStagesSet(Map.of("v2", List.of("AWSCURRENT"), "v1", List.of("AWSPREVIOUS"))));

            assertThat(handled.stateAfter().kmsKeyId()).isEqualTo("alias/other");
            assertThat(handled.stateAfter().description()).isEqualTo("d2");
        }

        @Test
        void withOnlyANewKmsKeyIdRewrapsTheDataKeysItWasGivenOfVersionsThatExist() {
            WrappedKey rewrapped = new WrappedKey("alias/other#1", new byte[] {1, 2, 3});
            HandledCommand handled = given(created(), added("v1"), stages("v1", "AWSCURRENT"))
                    .when(new UpdateSecret(null, "alias/other", null, null,
                            Map.of("v1", rewrapped, "gone", rewrapped)))
                    .expectEvents(new SecretUpdated(null, "alias/other"));

            assertThat(handled.keyChanges()).containsExactly(KeyChange.put(SECRET_ID, "v1", rewrapped));
            assertThat(handled.stateAfter().kmsKeyId()).isEqualTo("alias/other");
        }

        @Test
        void withAValueWhoseTokenExistsIsUnchanged() {
            given(created(), added("v1"), stages("v1", "AWSCURRENT"))
                    .when(new UpdateSecret(null, null, "v1", value("v1")))
                    .expectUnchanged("v1");
        }

        @Test
        void onASecretScheduledForDeletionIsAnInvalidRequest() {
            given(created(), new DeletionScheduled(NOW))
                    .when(new UpdateSecret("d", null, "t", null))
                    .expectRejection(AwsErrorCode.INVALID_REQUEST, MARKED_FOR_DELETION);
        }
    }

    @Nested
    class DeleteSecretCommand {
        @Test
        void withoutAWindowSchedulesDeletionThirtyDaysOut() {
            HandledCommand handled = given(created())
                    .when(new DeleteSecret(null, false))
                    .expectEvents(new DeletionScheduled(NOW.plus(Duration.ofDays(30))));

            assertThat(handled.keyChanges()).isEmpty();
            assertThat(handled.stateAfter().lifecycle()).isEqualTo(Lifecycle.SCHEDULED_FOR_DELETION);
            assertThat(handled.stateAfter().deletedDate()).isEqualTo(NOW);
            assertThat(handled.stateAfter().deletionDate()).isEqualTo(NOW.plus(Duration.ofDays(30)));
        }

        @Test
        void withAWindowSchedulesDeletionThatManyDaysOut() {
            given(created())
                    .when(new DeleteSecret(7, false))
                    .expectEvents(new DeletionScheduled(NOW.plus(Duration.ofDays(7))));
        }

        @Test
        void forcedPurgesAndShredsEveryVersionKey() {
            HandledCommand handled = given(created(), added("v1"), stages("v1", "AWSCURRENT"),
                    added("v2"), new VersionStagesSet(Map.of("v2", List.of("AWSCURRENT"), "v1", List.of("AWSPREVIOUS"))))
                    .when(new DeleteSecret(null, true))
                    .expectEvents(new SecretPurged());

            assertThat(handled.keyChanges()).containsExactly(
                    KeyChange.shred(SECRET_ID, "v1"), KeyChange.shred(SECRET_ID, "v2"));
            assertThat(handled.keyChanges()).allMatch(KeyChange::isTombstone);
            assertThat(handled.stateAfter().lifecycle()).isEqualTo(Lifecycle.PURGED);
        }

        @Test
        void forcedOnASecretScheduledForDeletionPurgesIt() {
            HandledCommand handled = given(created(), added("v1"), stages("v1", "AWSCURRENT"), new DeletionScheduled(NOW))
                    .when(new DeleteSecret(null, true))
                    .expectEvents(new SecretPurged());

            assertThat(handled.keyChanges()).containsExactly(KeyChange.shred(SECRET_ID, "v1"));
        }

        @Test
        void unforcedOnASecretAlreadyScheduledIsAnInvalidRequest() {
            given(created(), new DeletionScheduled(NOW))
                    .when(new DeleteSecret(7, false))
                    .expectRejection(AwsErrorCode.INVALID_REQUEST, MARKED_FOR_DELETION);
        }

        @Test
        void onAnUnknownSecretIsNotFound() {
            given().when(new DeleteSecret(null, true)).expectRejection(AwsErrorCode.RESOURCE_NOT_FOUND, NOT_FOUND);
        }
    }

    @Nested
    class ExpiredCommand {
        static Stream<Command> commands() {
            return Stream.of(
                    new CreateSecret(NEW_ID, "other", null, null, null, "v1", value("v1")),
                    put("v9", value("v9")),
                    new UpdateSecret("d", null, "t", null),
                    new DeleteSecret(null, true));
        }

        @ParameterizedTest
        @MethodSource("commands")
        void isRejectedWithoutEffectWhateverItAsks(Command payload) {
            given(created(), added("v1"), stages("v1", "AWSCURRENT"))
                    .when(new CommandEnvelope("cmd-1", ACCOUNT, PRINCIPAL, NOW.minusMillis(1), NAME, null, payload))
                    .expectRejection(AwsErrorCode.INTERNAL_SERVICE_ERROR,
                            "The request expired before Secrets Manager could process it. Retry the request.");
        }

        @Test
        void isAcceptedUpToItsDeadlineInclusive() {
            given(created())
                    .when(new CommandEnvelope("cmd-1", ACCOUNT, PRINCIPAL, NOW, NAME, null, new DeleteSecret(null, true)))
                    .expectEvents(new SecretPurged());
        }
    }
}
