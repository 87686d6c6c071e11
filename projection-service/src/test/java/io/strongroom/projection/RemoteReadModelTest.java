package io.strongroom.projection;

import static io.strongroom.projection.Commands.ACCOUNT;
import static io.strongroom.projection.ProjectionFixture.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strongroom.core.codec.Json;
import io.strongroom.core.command.CommandEnvelope;
import io.strongroom.core.error.RejectedException;
import io.strongroom.core.event.Outcome;
import io.strongroom.core.query.ListQuery;
import io.strongroom.core.query.ReadModel;
import io.strongroom.core.query.SecretPage;
import io.strongroom.core.secret.SecretLocator;
import io.strongroom.core.secret.SecretState;
import io.strongroom.kafka.Topics;
import io.strongroom.projection.client.InternalApi;
import io.strongroom.projection.client.RemoteReadModel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The internal projection API: a RemoteReadModel answers exactly as the instance's LocalReadModel does. */
class RemoteReadModelTest {
    @RegisterExtension
    static final BrokerPerClass broker = new BrokerPerClass();

    @TempDir
    Path tmp;
    @RegisterExtension
    final ProjectionFixture fixture = broker.freshTopics();

    @Test
    void theRemoteReadModelGivesTheSameAnswersAsTheLocalOne() throws Exception {
        ProjectionService projection = ProjectionFixture.serving(
                fixture.start(fixture.config(tmp.resolve("p")).withHttp("127.0.0.1", 0)));
        ReadModel local = projection.readModel();
        ReadModel remote = new RemoteReadModel(URI.create("http://127.0.0.1:" + projection.httpPort()));

        CommandEnvelope create = Commands.create("remote/alpha");
        CompletableFuture<Outcome> longPoll = remote.awaitOutcome(create.commandId(), Duration.ofSeconds(15));
        fixture.log.run(create);
        assertThat(get(longPoll).status()).isEqualTo(Outcome.Status.APPLIED);
        for (String name : new String[] {"remote/beta", "remote/gamma"}) {
            get(remote.awaitOutcome(fixture.log.run(Commands.create(name)).commandId(), Duration.ofSeconds(15)));
        }
        Outcome put = fixture.log.run(Commands.put("remote/alpha", "alpha-v2"));
        assertThat(json(get(remote.awaitOutcome(put.commandId(), Duration.ofSeconds(15)))))
                .isEqualTo(json(get(local.awaitOutcome(put.commandId(), Duration.ofSeconds(15)))));
        Outcome rejected = fixture.log.run(Commands.create("remote/beta"));
        assertThat(get(remote.awaitOutcome(rejected.commandId(), Duration.ofSeconds(15))).rejection())
                .isEqualTo(rejected.rejection());

        SecretState alpha = get(local.secret(ACCOUNT, "remote/alpha")).orElseThrow();
        assertThat(json(get(remote.secret(ACCOUNT, "remote/alpha")).orElseThrow())).isEqualTo(json(alpha));
        assertThat(json(get(remote.secret(ACCOUNT, SecretLocator.arnOf(alpha))).orElseThrow())).isEqualTo(json(alpha));
        assertThat(get(remote.secret(ACCOUNT, "remote/missing"))).isEmpty();
        assertThat(json(get(remote.dataKey(alpha.secretId(), "alpha-v2")).orElseThrow()))
                .isEqualTo(json(get(local.dataKey(alpha.secretId(), "alpha-v2")).orElseThrow()));
        assertThat(get(remote.dataKey(alpha.secretId(), "missing"))).isEmpty();

        SecretPage first = get(remote.listSecrets(new ListQuery(ACCOUNT, 2, null)));
        assertThat(json(first)).isEqualTo(json(get(local.listSecrets(new ListQuery(ACCOUNT, 2, null)))));
        SecretPage second = get(remote.listSecrets(new ListQuery(ACCOUNT, 2, first.nextToken())));
        assertThat(second.secrets()).extracting(SecretState::name).containsExactly("remote/gamma");
        assertThat(second.nextToken()).isNull();

        assertThatThrownBy(() -> get(remote.listSecrets(new ListQuery(ACCOUNT, 2, "garbage!"))))
                .isInstanceOfSatisfying(RejectedException.class, e -> assertThat(e.rejection())
                        .isEqualTo(catchRejection(local.listSecrets(new ListQuery(ACCOUNT, 2, "garbage!")))));
        assertThat(remote.awaitOutcome("never-sent", Duration.ofMillis(300)))
                .failsWithin(Duration.ofSeconds(10))
                .withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(TimeoutException.class);

        HttpResponse<String> malformed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + projection.httpPort() + InternalApi.SECRET)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(Json.read(malformed.body().getBytes(StandardCharsets.UTF_8), InternalApi.ErrorAnswer.class).kind())
                .isEqualTo(InternalApi.ErrorKind.BAD_REQUEST);

        HttpResponse<String> health = health(projection.httpPort());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(Json.read(health.body().getBytes(StandardCharsets.UTF_8), InternalApi.Health.class).phase())
                .isEqualTo("SERVING");
    }

    @Test
    void anInstanceThatIsNotServingAnswers503AndTheClientSaysNotServing() throws Exception {
        String absent = "absent-" + System.nanoTime();
        Topics missing = new Topics(absent + ".commands", absent + ".events", absent + ".keys", 1);
        ProjectionConfig config = new ProjectionConfig(CommandLog.REGION, fixture.kafka, missing, tmp.resolve("p"),
                null, 0, "never-serving");
        ProjectionService projection = fixture.start(config);
        ReadModel remote = new RemoteReadModel(URI.create("http://127.0.0.1:" + projection.httpPort()));

        assertThat(health(projection.httpPort()).statusCode()).isEqualTo(503);
        assertThatThrownBy(() -> get(remote.secret(ACCOUNT, "anything"))).isInstanceOf(NotServingException.class);
        assertThatThrownBy(() -> get(remote.awaitOutcome("c1", Duration.ofSeconds(1))))
                .isInstanceOf(NotServingException.class);
    }

    private static HttpResponse<String> health(int port) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + InternalApi.HEALTH)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static io.strongroom.core.error.Rejection catchRejection(CompletableFuture<?> call) {
        try {
            get(call);
            throw new AssertionError("expected a rejection");
        } catch (RejectedException e) {
            return e.rejection();
        }
    }

    private static String json(Object value) {
        return new String(Json.write(value), StandardCharsets.UTF_8);
    }
}
