package io.strongroom.projection;

import static io.strongroom.projection.Commands.ACCOUNT;
import static io.strongroom.projection.ProjectionFixture.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.strongroom.core.query.ListQuery;
import io.strongroom.core.query.ReadModel;
import io.strongroom.core.secret.SecretState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** LastAccessedDate between instances: one reports a read, every instance merges the day from the access topic. */
class AccessMergeTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);

    @RegisterExtension
    static final BrokerPerClass broker = new BrokerPerClass();

    @TempDir
    Path tmp;
    @RegisterExtension
    final ProjectionFixture fixture = broker.freshTopics();

    @Test
    void aReadReportedToOneInstanceReachesEveryInstance() {
        ProjectionService first = fixture.startServing(tmp.resolve("p0"));
        ProjectionService second = fixture.startServing(tmp.resolve("p1"));
        String secretId = created(first.readModel(), "read-me");

        assertThat(get(second.readModel().lastAccessed(secretId))).isEmpty();
        get(first.readModel().recordAccess(secretId, DAY));

        await().atMost(Duration.ofSeconds(20)).until(() -> get(second.readModel().lastAccessed(secretId)),
                day -> day.equals(Optional.of(DAY)));
        assertThat(get(first.readModel().lastAccessed(secretId))).contains(DAY);
        assertThat(get(second.readModel().listSecrets(new ListQuery(ACCOUNT, 10, null))).lastAccessed())
                .containsEntry(secretId, DAY);
    }

    @Test
    void anInstancePublishesAtMostOncePerSecretAndDayAndNeverGoesBack() {
        ProjectionService projection = fixture.startServing(tmp.resolve("p0"));
        ReadModel model = projection.readModel();
        String secretId = created(model, "busy");

        for (int i = 0; i < 5; i++) {
            get(model.recordAccess(secretId, DAY));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> get(model.lastAccessed(secretId)).isPresent());
        get(model.recordAccess(secretId, DAY));
        get(model.recordAccess(secretId, DAY.minusDays(3)));
        assertThat(projection.accessRecordsSent()).isEqualTo(1);

        get(model.recordAccess(secretId, DAY.plusDays(1)));
        await().atMost(Duration.ofSeconds(20)).until(() -> get(model.lastAccessed(secretId)),
                day -> day.equals(Optional.of(DAY.plusDays(1))));
        assertThat(projection.accessRecordsSent()).isEqualTo(2);
    }

    @Test
    void aRestartedInstanceKeepsTheDaysItMerged() {
        Path dir = tmp.resolve("p0");
        ProjectionService projection = fixture.startServing(dir);
        String secretId = created(projection.readModel(), "kept");
        get(projection.readModel().recordAccess(secretId, DAY));
        await().atMost(Duration.ofSeconds(20)).until(() -> get(projection.readModel().lastAccessed(secretId)).isPresent());
        projection.stop();

        ProjectionService again = fixture.startServing(dir);
        assertThat(get(again.readModel().lastAccessed(secretId))).contains(DAY);
    }

    private String created(ReadModel model, String name) {
        var outcome = fixture.log.run(Commands.create(name));
        get(model.awaitOutcome(outcome.commandId(), Duration.ofSeconds(15)));
        return get(model.secret(ACCOUNT, name)).map(SecretState::secretId).orElseThrow();
    }
}
