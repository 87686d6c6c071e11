package io.strongroom.core.aggregate;

import static io.strongroom.core.aggregate.AggregateScenario.given;
import static io.strongroom.core.aggregate.Fixtures.created;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.codec.Json;
import io.strongroom.core.command.CommandEnvelope;
import io.strongroom.core.command.DeleteResourcePolicy;
import io.strongroom.core.command.PutResourcePolicy;
import io.strongroom.core.error.AwsErrorCode;
import io.strongroom.core.event.DeletionScheduled;
import io.strongroom.core.event.EventEnvelope;
import io.strongroom.core.event.ResourcePolicyDeleted;
import io.strongroom.core.event.ResourcePolicyPut;
import io.strongroom.core.event.SecretPurged;
import io.strongroom.core.policy.PolicyParser;
import io.strongroom.core.policy.PublicAccess;
import io.strongroom.core.secret.SecretState;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ResourcePolicyCommandsTest {
    static final String SHARE = """
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow",
             "Principal": {"AWS": "arn:aws:iam::444455556666:role/app"},
             "Action": "secretsmanager:GetSecretValue", "Resource": "*"}}""";
    static final String PUBLIC = """
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": "*",
             "Action": "secretsmanager:GetSecretValue", "Resource": "*"}}""";
    static final String MARKED_FOR_DELETION =
            "You can't perform this operation on the secret because it was marked for deletion.";

    @Nested
    class Put {
        @Test
        void attachesAValidPolicy() {
            HandledCommand handled = given(created())
                    .when(new PutResourcePolicy(SHARE, true))
                    .expectEvents(new ResourcePolicyPut(SHARE));

            assertThat(handled.stateAfter().resourcePolicy()).isEqualTo(SHARE);
            assertThat(handled.keyChanges()).isEmpty();
        }

        @Test
        void replacesThePolicyBefore() {
            HandledCommand handled = given(created(), new ResourcePolicyPut(PUBLIC))
                    .when(new PutResourcePolicy(SHARE, false))
                    .expectEvents(new ResourcePolicyPut(SHARE));

            assertThat(handled.stateAfter().resourcePolicy()).isEqualTo(SHARE);
        }

        @Test
        void aBroadPolicyIsAcceptedWhenPublicPoliciesAreNotBlocked() {
            given(created()).when(new PutResourcePolicy(PUBLIC, false)).expectEvents(new ResourcePolicyPut(PUBLIC));
        }

        @Test
        void aBroadPolicyIsRefusedWhenPublicPoliciesAreBlocked() {
            given(created()).when(new PutResourcePolicy(PUBLIC, true))
                    .expectRejection(AwsErrorCode.PUBLIC_POLICY, PublicAccess.MESSAGE);
        }

        @Test
        void textThatIsNotJsonIsAMalformedPolicy() {
            given(created()).when(new PutResourcePolicy("{not json", false))
                    .expectRejection(AwsErrorCode.MALFORMED_POLICY_DOCUMENT, PolicyParser.SYNTAX_ERROR);
        }

        @Test
        void aPolicyWithProblemsIsMalformedWithItsFirstProblem() {
            given(created()).when(new PutResourcePolicy(
                    "{\"Statement\": {\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"bob\"}, \"Action\": \"*\", \"Resource\": \"*\"}}", false))
                    .expectRejection(AwsErrorCode.MALFORMED_POLICY_DOCUMENT, PolicyParser.UNSUPPORTED_PRINCIPAL);
            given(created()).when(new PutResourcePolicy(
                    "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}}", false))
                    .expectRejection(AwsErrorCode.MALFORMED_POLICY_DOCUMENT, "Statement 1 is missing the Principal element.");
        }

        @Test
        void aSecretMarkedForDeletionTakesNoPolicy() {
            given(created(), new DeletionScheduled(Fixtures.NOW.plusSeconds(86400)))
                    .when(new PutResourcePolicy(SHARE, false))
                    .expectRejection(AwsErrorCode.INVALID_REQUEST, MARKED_FOR_DELETION);
        }

        @Test
        void aPurgedSecretIsNotFound() {
            given(created(), new SecretPurged()).when(new PutResourcePolicy(SHARE, false))
                    .expectRejection(AwsErrorCode.RESOURCE_NOT_FOUND, "Secrets Manager can't find the specified secret.");
        }
    }

    @Nested
    class Delete {
        @Test
        void removesThePolicy() {
            HandledCommand handled = given(created(), new ResourcePolicyPut(SHARE))
                    .when(new DeleteResourcePolicy())
                    .expectEvents(new ResourcePolicyDeleted());

            assertThat(handled.stateAfter().resourcePolicy()).isNull();
        }

        @Test
        void withoutAPolicySucceedsAndChangesNothing() {
            HandledCommand handled = given(created()).when(new DeleteResourcePolicy()).expectEvents();

            assertThat(handled.stateAfter().resourcePolicy()).isNull();
        }

        @Test
        void aSecretMarkedForDeletionKeepsItsPolicy() {
            given(created(), new ResourcePolicyPut(SHARE), new DeletionScheduled(Fixtures.NOW.plusSeconds(86400)))
                    .when(new DeleteResourcePolicy())
                    .expectRejection(AwsErrorCode.INVALID_REQUEST, MARKED_FOR_DELETION);
        }
    }

    @Test
    void thePolicySurvivesTheStatesJsonForm() {
        SecretState state = given(created(), new ResourcePolicyPut(SHARE)).state();

        SecretState read = Json.read(Json.write(state), SecretState.class);

        assertThat(read).isEqualTo(state);
        assertThat(read.resourcePolicy()).isEqualTo(SHARE);
    }

    @Test
    void theCommandsAndEventsSurviveTheirJsonForm() {
        for (var payload : java.util.List.of(new PutResourcePolicy(SHARE, true), new DeleteResourcePolicy())) {
            CommandEnvelope command = new CommandEnvelope("c1", Fixtures.ACCOUNT, Fixtures.PRINCIPAL, Fixtures.NOW,
                    Fixtures.NAME, null, payload);
            assertThat(Json.read(Json.write(command), CommandEnvelope.class)).isEqualTo(command);
        }
        for (var payload : java.util.List.of(new ResourcePolicyPut(SHARE), new ResourcePolicyDeleted())) {
            EventEnvelope event = new EventEnvelope(EventEnvelope.CURRENT_VERSION, "e1", "c1", Fixtures.SECRET_ID,
                    Fixtures.ACCOUNT, 2, Fixtures.REGION, Fixtures.PRINCIPAL, Fixtures.NOW, payload);
            assertThat(Json.read(Json.write(event), EventEnvelope.class)).isEqualTo(event);
        }
    }
}
