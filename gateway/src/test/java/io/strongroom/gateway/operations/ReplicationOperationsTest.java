package io.strongroom.gateway.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.strongroom.core.command.ApplyReplicaDelta;
import io.strongroom.core.command.Command;
import io.strongroom.core.command.CommandEnvelope;
import io.strongroom.core.command.ReportReplicationStatus;
import io.strongroom.core.event.EventEnvelope;
import io.strongroom.core.event.SecretCreated;
import io.strongroom.core.replication.ReplicaRegion;
import io.strongroom.core.replication.ReplicationState;
import io.strongroom.gateway.auth.AccessKeyAccounts;
import io.strongroom.gateway.auth.AccessKeyAccounts.Identity;
import io.strongroom.gateway.auth.SigV4Authenticator;
import io.strongroom.gateway.protocol.WireJson;
import io.strongroom.gateway.support.TestGateway;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.RemoveRegionsFromReplicationResponse;
import software.amazon.awssdk.services.secretsmanager.model.ReplicateSecretToRegionsResponse;
import software.amazon.awssdk.services.secretsmanager.model.ReplicationStatusType;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.secretsmanager.model.StatusType;
import software.amazon.awssdk.services.secretsmanager.model.StopReplicationToReplicaResponse;

/**
 * The replication operations and shapes through the AWS SDK v2, against a gateway in us-east-1 whose
 * peers are eu-west-1 and ap-south-1. The replicator is played by commands sent straight to the
 * in-memory write path (a replica's delta, a status report).
 */
class ReplicationOperationsTest {
    static final String NOT_PERMITTED =
            "Operation not permitted on a replica secret. Call must be made in primary secret's region.";
    static TestGateway gateway;
    static SecretsManagerClient sdk;

    @BeforeAll
    static void start() {
        gateway = TestGateway.start(config -> config.peerRegions(List.of("eu-west-1", "ap-south-1")));
        sdk = gateway.client();
    }

    @AfterAll
    static void stop() {
        sdk.close();
        gateway.close();
    }

    @Test
    void createSecretWithAddReplicaRegionsAnswersEachRegionInProgress() {
        String name = unique("created");

        CreateSecretResponse created = sdk.createSecret(r -> r.name(name).secretString("v")
                .addReplicaRegions(a -> a.region("eu-west-1"), a -> a.region("ap-south-1").kmsKeyId("alias/ap"))
                .forceOverwriteReplicaSecret(true));

        assertThat(created.replicationStatus()).extracting(ReplicationStatusType::region, ReplicationStatusType::kmsKeyId,
                ReplicationStatusType::status).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("eu-west-1", "alias/aws/secretsmanager", StatusType.IN_PROGRESS),
                        org.assertj.core.groups.Tuple.tuple("ap-south-1", "alias/ap", StatusType.IN_PROGRESS));
        var command = (io.strongroom.core.command.CreateSecret) lastCommand();
        assertThat(command.addReplicaRegions()).containsExactly(new ReplicaRegion("eu-west-1", null),
                new ReplicaRegion("ap-south-1", "alias/ap"));
        assertThat(command.forceOverwriteReplicaSecret()).isTrue();
    }

    @Test
    void describeShowsThePrimaryRegionAndEachReplicasStatus() {
        String name = unique("described");
        sdk.createSecret(r -> r.name(name).secretString("v").addReplicaRegions(a -> a.region("eu-west-1"),
                a -> a.region("ap-south-1")));
        report(name, "eu-west-1", 3, ReplicationState.IN_SYNC, null);
        report(name, "ap-south-1", 0, ReplicationState.FAILED,
                "Replication failed: Secret name " + name + " already exists in region ap-south-1.");

        DescribeSecretResponse described = sdk.describeSecret(r -> r.secretId(name));

        assertThat(described.primaryRegion()).isEqualTo("us-east-1");
        assertThat(described.replicationStatus()).hasSize(2);
        ReplicationStatusType eu = described.replicationStatus().get(0);
        assertThat(eu.region()).isEqualTo("eu-west-1");
        assertThat(eu.status()).isEqualTo(StatusType.IN_SYNC);
        assertThat(eu.statusMessage()).isEqualTo("Replication succeeded");
        assertThat(eu.lastAccessedDate()).isNull();
        ReplicationStatusType ap = described.replicationStatus().get(1);
        assertThat(ap.status()).isEqualTo(StatusType.FAILED);
        assertThat(ap.statusMessage()).isEqualTo("Replication failed: Secret name " + name
                + " already exists in region ap-south-1.");
    }

    @Test
    void aSecretThatTakesNoPartInReplicationShowsNeitherPrimaryRegionNorReplicationStatus() {
        String name = unique("plain");
        sdk.createSecret(r -> r.name(name).secretString("v"));

        JsonNode described = json(gateway.call("DescribeSecret", "{\"SecretId\":\"" + name + "\"}"));

        assertThat(described.has("PrimaryRegion")).isFalse();
        assertThat(described.has("ReplicationStatus")).isFalse();
    }

    @Test
    void replicateSecretToRegionsAnswersTheArnAndEveryRegionsStatus() {
        String name = unique("replicated");
        String arn = sdk.createSecret(r -> r.name(name).secretString("v").addReplicaRegions(a -> a.region("eu-west-1")))
                .arn();

        ReplicateSecretToRegionsResponse replicated = sdk.replicateSecretToRegions(r -> r.secretId(name)
                .addReplicaRegions(a -> a.region("ap-south-1").kmsKeyId("alias/ap")));

        assertThat(replicated.arn()).isEqualTo(arn);
        assertThat(replicated.replicationStatus()).extracting(ReplicationStatusType::region)
                .containsExactly("eu-west-1", "ap-south-1");
        assertThat(replicated.replicationStatus()).extracting(ReplicationStatusType::status)
                .containsOnly(StatusType.IN_PROGRESS);
        assertThat(lastCommand()).isEqualTo(new io.strongroom.core.command.ReplicateSecretToRegions(
                List.of(new ReplicaRegion("ap-south-1", "alias/ap")), false));
    }

    @Test
    void replicatingToThisRegionAnUnknownRegionOrARegionTwiceIsAnInvalidReplicaRegion() {
        String name = unique("invalid");
        sdk.createSecret(r -> r.name(name).secretString("v"));

        for (var regions : List.<List<String>>of(List.of("us-east-1"), List.of("sa-east-1"),
                List.of("eu-west-1", "eu-west-1"))) {
            assertThatThrownBy(() -> sdk.replicateSecretToRegions(r -> r.secretId(name).addReplicaRegions(
                    regions.stream().map(region -> software.amazon.awssdk.services.secretsmanager.model.ReplicaRegionType
                            .builder().region(region).build()).toList())))
                    .isInstanceOf(InvalidParameterException.class)
                    .hasMessageStartingWith("Invalid replica region.");
        }
        assertThatThrownBy(() -> sdk.createSecret(r -> r.name(unique("c")).addReplicaRegions(a -> a.region("us-east-1"))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("Invalid replica region.");
    }

    @Test
    void aReplicaKmsKeyArnMustNameAKeyOfTheReplicasRegion() {
        String name = unique("kms");
        sdk.createSecret(r -> r.name(name).secretString("v"));
        String elsewhere = "arn:aws:kms:ap-south-1:" + TestGateway.ACCOUNT + ":alias/app";

        assertThatThrownBy(() -> sdk.replicateSecretToRegions(r -> r.secretId(name)
                .addReplicaRegions(a -> a.region("eu-west-1").kmsKeyId(elsewhere))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("The operation failed because of an invalid KMS key: Invalid keyId " + elsewhere);
        assertThat(sdk.replicateSecretToRegions(r -> r.secretId(name).addReplicaRegions(a -> a.region("eu-west-1")
                .kmsKeyId("arn:aws:kms:eu-west-1:" + TestGateway.ACCOUNT + ":key/1234abcd-12ab-34cd-56ef-1234567890ab")))
                .replicationStatus()).hasSize(1);
    }

    @Test
    void theRequestShapeIsValidatedAsTheModelStatesIt() {
        String name = unique("shape");
        sdk.createSecret(r -> r.name(name).secretString("v"));

        HttpResponse<String> badRegion = gateway.call("ReplicateSecretToRegions",
                "{\"SecretId\":\"" + name + "\",\"AddReplicaRegions\":[{\"Region\":\"EU_WEST\"}]}");
        HttpResponse<String> empty = gateway.call("ReplicateSecretToRegions",
                "{\"SecretId\":\"" + name + "\",\"AddReplicaRegions\":[]}");
        HttpResponse<String> missing = gateway.call("RemoveRegionsFromReplication", "{\"SecretId\":\"" + name + "\"}");

        assertThat(badRegion.statusCode()).isEqualTo(400);
        assertThat(json(badRegion).path("Message").asText()).isEqualTo("1 validation error detected: Value 'EU_WEST' at "
                + "'addReplicaRegions.1.member.region' failed to satisfy constraint: Member must satisfy regular "
                + "expression pattern: ^([a-z]+-)+\\d+$");
        assertThat(json(empty).path("__type").asText()).endsWith("ValidationException");
        assertThat(json(missing).path("Message").asText()).contains("'removeReplicaRegions'");
    }

    @Test
    void removeRegionsFromReplicationAnswersTheRegionsThatRemainAndIgnoresOthers() {
        String name = unique("removed");
        String arn = sdk.createSecret(r -> r.name(name).secretString("v").addReplicaRegions(a -> a.region("eu-west-1"),
                a -> a.region("ap-south-1"))).arn();

        RemoveRegionsFromReplicationResponse removed = sdk.removeRegionsFromReplication(r -> r.secretId(name)
                .removeReplicaRegions("eu-west-1", "sa-east-1"));

        assertThat(removed.arn()).isEqualTo(arn);
        assertThat(removed.replicationStatus()).extracting(ReplicationStatusType::region).containsExactly("ap-south-1");
        assertThat(sdk.removeRegionsFromReplication(r -> r.secretId(name).removeReplicaRegions("eu-west-1"))
                .replicationStatus()).hasSize(1);
    }

    @Test
    void aPrimaryWithReplicasCannotBeDeleted() {
        String name = unique("undeletable");
        String arn = sdk.createSecret(r -> r.name(name).secretString("v").addReplicaRegions(a -> a.region("eu-west-1")))
                .arn();

        assertThatThrownBy(() -> sdk.deleteSecret(r -> r.secretId(name)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("You can't delete secret " + arn + " that still has replica regions [eu-west-1]");
        sdk.removeRegionsFromReplication(r -> r.secretId(name).removeReplicaRegions("eu-west-1"));
        assertThat(sdk.deleteSecret(r -> r.secretId(name)).arn()).isEqualTo(arn);
    }

    @Test
    void aReplicaShowsItsPrimaryRegionAndRefusesChangesWithAwsError() {
        String name = unique("replica");
        String secretId = replicaFrom("eu-west-1", name);

        DescribeSecretResponse described = sdk.describeSecret(r -> r.secretId(name));

        assertThat(described.primaryRegion()).isEqualTo("eu-west-1");
        assertThat(described.replicationStatus()).isEmpty();
        assertThat(described.arn()).isEqualTo(io.strongroom.core.arn.SecretArn.of("us-east-1", TestGateway.ACCOUNT,
                name, secretId).toString());
        assertThatThrownBy(() -> sdk.putSecretValue(r -> r.secretId(name).secretString("x")))
                .isInstanceOf(InvalidParameterException.class).hasMessageStartingWith(NOT_PERMITTED);
        assertThatThrownBy(() -> sdk.tagResource(r -> r.secretId(name).tags(t -> t.key("k").value("v"))))
                .isInstanceOf(InvalidParameterException.class).hasMessageStartingWith(NOT_PERMITTED);
        assertThatThrownBy(() -> sdk.deleteSecret(r -> r.secretId(name)))
                .isInstanceOf(InvalidParameterException.class).hasMessageStartingWith(NOT_PERMITTED);
        assertThatThrownBy(() -> sdk.replicateSecretToRegions(r -> r.secretId(name)
                .addReplicaRegions(a -> a.region("ap-south-1"))))
                .isInstanceOf(InvalidParameterException.class).hasMessageStartingWith(NOT_PERMITTED);
    }

    @Test
    void listSecretsShowsPrimaryRegionAndFiltersByIt() {
        String prefix = unique("listed");
        sdk.createSecret(r -> r.name(prefix + "/primary").secretString("v").addReplicaRegions(a -> a.region("eu-west-1")));
        sdk.createSecret(r -> r.name(prefix + "/plain").secretString("v"));
        replicaFrom("ap-south-1", prefix + "/replica");

        List<SecretListEntry> fromAp = sdk.listSecrets(r -> r.filters(f -> f.key("name").values(prefix),
                f -> f.key("primary-region").values("ap-south-1"))).secretList();
        List<SecretListEntry> all = sdk.listSecrets(r -> r.filters(f -> f.key("name").values(prefix))).secretList();

        assertThat(fromAp).extracting(SecretListEntry::name).containsExactly(prefix + "/replica");
        assertThat(all).extracting(SecretListEntry::name, SecretListEntry::primaryRegion).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(prefix + "/primary", "us-east-1"),
                org.assertj.core.groups.Tuple.tuple(prefix + "/plain", null),
                org.assertj.core.groups.Tuple.tuple(prefix + "/replica", "ap-south-1"));
    }

    @Test
    void stopReplicationToReplicaPromotesTheReplicaWhichCanThenChange() {
        String name = unique("promoted");
        String secretId = replicaFrom("eu-west-1", name);

        StopReplicationToReplicaResponse stopped = sdk.stopReplicationToReplica(r -> r.secretId(name));

        assertThat(stopped.arn()).isEqualTo(io.strongroom.core.arn.SecretArn.of("us-east-1", TestGateway.ACCOUNT, name,
                secretId).toString());
        assertThat(sdk.describeSecret(r -> r.secretId(name)).primaryRegion()).isNull();
        assertThat(sdk.putSecretValue(r -> r.secretId(name).secretString("mine now")).versionId()).isNotBlank();
    }

    @Test
    void stopReplicationToReplicaOnASecretThatIsNoReplicaIsRefused() {
        String name = unique("not-a-replica");
        sdk.createSecret(r -> r.name(name).secretString("v"));

        assertThatThrownBy(() -> sdk.stopReplicationToReplica(r -> r.secretId(name)))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void eachOperationIsAuthorizedWithItsOwnIamAction() {
        String name = unique("guarded");
        sdk.createSecret(r -> r.name(name).secretString("v"));
        String arn = sdk.describeSecret(r -> r.secretId(name)).arn();
        sdk.putResourcePolicy(r -> r.secretId(name).resourcePolicy("{\"Version\":\"2012-10-17\",\"Statement\":[{"
                + "\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"*\"},\"Action\":[\"secretsmanager:ReplicateSecretToRegions\","
                + "\"secretsmanager:RemoveRegionsFromReplication\",\"secretsmanager:StopReplicationToReplica\"],"
                + "\"Resource\":\"" + arn + "\"}]}"));

        assertThat(errorCode(() -> sdk.replicateSecretToRegions(r -> r.secretId(name)
                .addReplicaRegions(a -> a.region("eu-west-1"))))).isEqualTo("AccessDeniedException");
        assertThat(errorCode(() -> sdk.removeRegionsFromReplication(r -> r.secretId(name)
                .removeReplicaRegions("eu-west-1")))).isEqualTo("AccessDeniedException");
        assertThat(errorCode(() -> sdk.stopReplicationToReplica(r -> r.secretId(name))))
                .isEqualTo("AccessDeniedException");
        assertThat(sdk.describeSecret(r -> r.secretId(name)).arn()).isEqualTo(arn);
    }

    private static String errorCode(Runnable call) {
        try {
            call.run();
        } catch (software.amazon.awssdk.awscore.exception.AwsServiceException e) {
            return e.awsErrorDetails().errorCode();
        }
        throw new AssertionError("the call succeeded");
    }

    @Test
    void createSecretWithReplicaRegionsNeedsReplicateSecretToRegionsToo() {
        String creatorOnly = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
                + "\"Action\":\"secretsmanager:CreateSecret\",\"Resource\":\"*\"}}";
        AccessKeyAccounts identities = AccessKeyAccounts.builder()
                .add(new Identity("AKIAREPLCREATORONLY1", TestGateway.SECRET_KEY, TestGateway.ACCOUNT,
                        "arn:aws:iam::" + TestGateway.ACCOUNT + ":user/creator", creatorOnly))
                .build();
        try (TestGateway restricted = TestGateway.start(config -> config.peerRegions(List.of("eu-west-1"))
                .authenticator(new SigV4Authenticator(identities, TestGateway.REGION, Clock.systemUTC())));
                SecretsManagerClient creator = restricted.client("AKIAREPLCREATORONLY1")) {
            assertThat(errorCode(() -> creator.createSecret(r -> r.name(unique("c")).secretString("v")
                    .addReplicaRegions(a -> a.region("eu-west-1"))))).isEqualTo("AccessDeniedException");
            assertThat(creator.createSecret(r -> r.name(unique("c")).secretString("v")).arn()).isNotBlank();
        }
    }

    /** The replicator's first delta into this region: a replica of a secret whose primary is elsewhere. */
    private static String replicaFrom(String primaryRegion, String name) {
        String secretId = UUID.randomUUID().toString();
        EventEnvelope created = new EventEnvelope(EventEnvelope.CURRENT_VERSION, "p:0", "p", secretId,
                TestGateway.ACCOUNT, 1, primaryRegion, "arn:aws:iam::" + TestGateway.ACCOUNT + ":user/tester",
                Instant.now(), new SecretCreated(name, null, null, List.of()));
        send(name, new ApplyReplicaDelta(primaryRegion, secretId, null, false, List.of(created), Map.of(), Map.of()));
        return secretId;
    }

    private static void report(String name, String region, long seq, ReplicationState status, String message) {
        send(name, new ReportReplicationStatus(region, seq, status, message));
    }

    private static void send(String name, Command payload) {
        CommandEnvelope command = new CommandEnvelope(UUID.randomUUID().toString(), TestGateway.ACCOUNT,
                "strongroom:replicator", Instant.now().plusSeconds(30), name, null, payload);
        gateway.secrets.send(command, io.strongroom.core.arn.RoutingStem.of(TestGateway.ACCOUNT, name)).join();
    }

    private static Command lastCommand() {
        var sent = gateway.secrets.sent();
        return sent.get(sent.size() - 1).command().payload();
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return WireJson.MAPPER.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String unique(String name) {
        return "repl/" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
