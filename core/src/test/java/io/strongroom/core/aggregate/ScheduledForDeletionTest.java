package io.strongroom.core.aggregate;

import static io.strongroom.core.aggregate.AggregateScenario.given;
import static io.strongroom.core.aggregate.Fixtures.NOW;
import static io.strongroom.core.aggregate.Fixtures.added;
import static io.strongroom.core.aggregate.Fixtures.created;
import static io.strongroom.core.aggregate.Fixtures.stages;
import static io.strongroom.core.aggregate.Fixtures.value;

import io.strongroom.core.command.Command;
import io.strongroom.core.command.DeleteSecret;
import io.strongroom.core.command.PutSecretValue;
import io.strongroom.core.command.RestoreSecret;
import io.strongroom.core.command.TagResource;
import io.strongroom.core.command.UntagResource;
import io.strongroom.core.command.UpdateSecret;
import io.strongroom.core.command.UpdateSecretVersionStage;
import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.event.DeletionScheduled;
import io.strongroom.core.event.SecretPurged;
import io.strongroom.core.event.SecretRestored;
import io.strongroom.core.secret.Tag;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A secret scheduled for deletion refuses every change but a restore and a forced delete. */
class ScheduledForDeletionTest {

    static Stream<Command> changes() {
        return Stream.of(
                new PutSecretValue("v2", value("v2"), null),
                new UpdateSecret("d", null, null, null),
                new DeleteSecret(7, false),
                new TagResource(List.of(new Tag("team", "a"))),
                new UntagResource(List.of("team")),
                new UpdateSecretVersionStage("blue", null, "v1"));
    }

    @ParameterizedTest
    @MethodSource("changes")
    void refusesTheChangeAsMarkedForDeletion(Command change) {
        given(created(), added("v1"), stages("v1", "AWSCURRENT"), new DeletionScheduled(NOW))
                .when(change)
                .expectRejection(AwsErrorCode.INVALID_REQUEST, SecretAggregate.MARKED_FOR_DELETION);
    }

    @Test
    void stillRestores() {
        given(created(), new DeletionScheduled(NOW)).when(new RestoreSecret()).expectEvents(new SecretRestored());
    }

    @Test
    void stillPurgesWhenForced() {
        given(created(), new DeletionScheduled(NOW)).when(new DeleteSecret(null, true)).expectEvents(new SecretPurged());
    }
}
