package io.strongroom.core.aggregate;

import static io.strongroom.core.aggregate.Fixtures.ACCOUNT;
import static io.strongroom.core.aggregate.Fixtures.NAME;
import static io.strongroom.core.aggregate.Fixtures.NOW;
import static io.strongroom.core.aggregate.Fixtures.PRINCIPAL;
import static io.strongroom.core.aggregate.Fixtures.REGION;
import static io.strongroom.core.aggregate.Fixtures.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.command.Command;
import io.strongroom.core.command.CommandEnvelope;
import io.strongroom.core.command.CreateSecret;
import io.strongroom.core.command.DeleteSecret;
import io.strongroom.core.command.PutSecretValue;
import io.strongroom.core.event.EventEnvelope;
import io.strongroom.core.event.Outcome;
import io.strongroom.core.secret.SecretState;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CommandHandlerTest {
    static final String SECRET = "7f000000-0000-4000-8000-000000000001";
    final CommandHandler handler = new CommandHandler(REGION);

    static CommandEnvelope command(String commandId, Command payload) {
        return new CommandEnvelope(commandId, ACCOUNT, PRINCIPAL, NOW.plusSeconds(30), NAME, null, payload);
    }

    HandledCommand create() {
        return handler.handle(command("c1", new CreateSecret(SECRET, NAME, null, null, null, "v1", value("v1"))), null, NOW);
    }

    @Test
    void sequenceNumbersRunConsecutivelyPerSecretFromOne() {
        HandledCommand first = create();
        HandledCommand second = handler.handle(command("c2", new PutSecretValue("v2", value("v2"), null)),
                first.stateAfter(), NOW);
        HandledCommand third = handler.handle(command("c3", new DeleteSecret(null, false)), second.stateAfter(), NOW);

        assertThat(first.outcome().events()).extracting(EventEnvelope::seq).containsExactly(1L, 2L, 3L);
        assertThat(second.outcome().events()).extracting(EventEnvelope::seq).containsExactly(4L, 5L);
        assertThat(third.outcome().events()).extracting(EventEnvelope::seq).containsExactly(6L);
        assertThat(third.stateAfter().seq()).isEqualTo(6);
    }

    @Test
    void eventIdsAreDerivedFromTheCommandSoARetryProducesTheSameIds() {
        HandledCommand once = create();
        HandledCommand again = create();

        assertThat(once.outcome().events()).extracting(EventEnvelope::eventId).containsExactly("c1:0", "c1:1", "c1:2");
        assertThat(again.outcome()).usingRecursiveComparison().isEqualTo(once.outcome());
    }

    @Test
    void envelopesCarryTheCommandContext() {
        EventEnvelope event = create().outcome().events().get(0);

        assertThat(event.v()).isEqualTo(EventEnvelope.CURRENT_VERSION);
        assertThat(event.commandId()).isEqualTo("c1");
        assertThat(event.secretId()).isEqualTo(SECRET);
        assertThat(event.account()).isEqualTo(ACCOUNT);
        assertThat(event.region()).isEqualTo(REGION);
        assertThat(event.principal()).isEqualTo(PRINCIPAL);
        assertThat(event.timestamp()).isEqualTo(NOW);
    }

    @Test
    void anOutcomeRecordsTheCommandAccountTimeAndResolvedSecret() {
        Outcome outcome = create().outcome();

        assertThat(outcome.commandId()).isEqualTo("c1");
        assertThat(outcome.account()).isEqualTo(ACCOUNT);
        assertThat(outcome.timestamp()).isEqualTo(NOW);
        assertThat(outcome.secretId()).isEqualTo(SECRET);
        assertThat(outcome.status()).isEqualTo(Outcome.Status.APPLIED);
    }

    @Test
    void applyingTheOutcomesRebuildsTheStateTheHandlerReturned() {
        HandledCommand first = create();
        HandledCommand second = handler.handle(command("c2", new PutSecretValue("v2", value("v2"), null)),
                first.stateAfter(), NOW.plusSeconds(5));

        SecretState rebuilt = CommandHandler.apply(CommandHandler.apply(null, first.outcome()), second.outcome());

        assertThat(rebuilt).isEqualTo(second.stateAfter());
    }

    @Test
    void applyingARejectedOutcomeChangesNothing() {
        SecretState state = create().stateAfter();
        Outcome rejected = handler.handle(command("c2", new PutSecretValue("v2", value("v2"), null)), state,
                Instant.MAX).outcome();

        assertThat(rejected.status()).isEqualTo(Outcome.Status.REJECTED);
        assertThat(CommandHandler.apply(state, rejected)).isSameAs(state);
    }
}
