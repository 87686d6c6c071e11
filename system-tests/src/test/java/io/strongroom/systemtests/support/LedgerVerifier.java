package io.strongroom.systemtests.support;

import io.strongroom.core.event.EventEnvelope;
import io.strongroom.core.event.Outcome;
import io.strongroom.core.event.SecretCreated;
import io.strongroom.core.event.VersionAdded;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.assertj.core.api.SoftAssertions;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

/**
 * Checks a {@link WriteLedger} against what the service answers and against the event log:
 * <ul>
 * <li>nothing lost: every acknowledged write reads back, by its VersionId, with exactly its value;</li>
 * <li>nothing doubled: each secret's versions are tokens the client issued, one AWSCURRENT (the
 *     last write), and in the log each issued token became exactly one VersionAdded;</li>
 * <li>the log is sound: no commandId in two APPLIED outcomes, each secret's event sequence numbers
 *     exactly 1..n in log order.</li>
 * </ul>
 * Every problem found is reported at once.
 */
public final class LedgerVerifier {
    private LedgerVerifier() {}

    public static void verify(WriteLedger ledger, SecretsManagerClient client, List<Outcome> events) {
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(ledger.unacknowledged()).as("writes issued but never acknowledged").isEmpty();
        verifyReads(softly, ledger, client);
        verifyLog(softly, ledger, events);
        softly.assertAll();
    }

    private static void verifyReads(SoftAssertions softly, WriteLedger ledger, SecretsManagerClient client) {
        for (WriteLedger.Write write : ledger.acknowledged()) {
            GetSecretValueResponse value = client.getSecretValue(r -> r.secretId(write.name()).versionId(write.token()));
            softly.assertThat(value.versionId()).as("VersionId of %s", write).isEqualTo(write.token());
            softly.assertThat(value.secretString()).as("value of acknowledged %s", write).isEqualTo(write.value());
        }
        for (String name : ledger.names()) {
            List<WriteLedger.Write> issued = ledger.issued(name);
            Set<String> tokens = issued.stream().map(WriteLedger.Write::token).collect(Collectors.toSet());
            DescribeSecretResponse described = client.describeSecret(r -> r.secretId(name));
            Map<String, List<String>> stages = described.versionIdsToStages();
            softly.assertThat(tokens).as("versions of %s are tokens the client issued", name)
                    .containsAll(stages.keySet());
            List<String> current = stages.entrySet().stream().filter(e -> e.getValue().contains("AWSCURRENT"))
                    .map(Map.Entry::getKey).toList();
            softly.assertThat(current).as("the AWSCURRENT version of %s is its last write", name)
                    .containsExactly(issued.get(issued.size() - 1).token());
            if (issued.size() > 1) {
                softly.assertThat(stages.get(issued.get(issued.size() - 2).token()))
                        .as("the AWSPREVIOUS version of %s is its last write but one", name).contains("AWSPREVIOUS");
            }
            GetSecretValueResponse latest = client.getSecretValue(r -> r.secretId(name));
            softly.assertThat(latest.secretString()).as("current value of %s", name)
                    .isEqualTo(issued.get(issued.size() - 1).value());
        }
    }

    /** The log alone: no commandId in two APPLIED outcomes; each secret's seq numbers exactly 1..n in log order. */
    public static void assertLogSound(List<Outcome> outcomes) {
        SoftAssertions softly = new SoftAssertions();
        logSound(softly, outcomes);
        softly.assertAll();
    }

    private static void logSound(SoftAssertions softly, List<Outcome> outcomes) {
        Set<String> appliedCommands = new HashSet<>();
        List<String> doubledCommands = new ArrayList<>();
        Map<String, List<Long>> seqsBySecret = new LinkedHashMap<>();
        for (Outcome outcome : outcomes) {
            if (outcome.status() != Outcome.Status.APPLIED) {
                continue;
            }
            if (!appliedCommands.add(outcome.commandId())) {
                doubledCommands.add(outcome.commandId());
            }
            for (EventEnvelope event : outcome.events()) {
                seqsBySecret.computeIfAbsent(event.secretId(), id -> new ArrayList<>()).add(event.seq());
            }
        }
        softly.assertThat(doubledCommands).as("commandIds applied twice").isEmpty();
        seqsBySecret.forEach((secretId, seqs) -> softly.assertThat(seqs)
                .as("event seq numbers of secret %s in log order", secretId)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, seqs.size()).boxed().toList()));
    }

    /** Each issued token became exactly one VersionAdded of the secret with its name. */
    private static void verifyLog(SoftAssertions softly, WriteLedger ledger, List<Outcome> outcomes) {
        logSound(softly, outcomes);
        Map<String, String> nameBySecret = new HashMap<>();
        Map<String, List<String>> versionsBySecret = new HashMap<>();
        for (Outcome outcome : outcomes) {
            if (outcome.status() != Outcome.Status.APPLIED) {
                continue;
            }
            for (EventEnvelope event : outcome.events()) {
                if (event.payload() instanceof SecretCreated created) {
                    nameBySecret.put(event.secretId(), created.name());
                }
                if (event.payload() instanceof VersionAdded added) {
                    versionsBySecret.computeIfAbsent(event.secretId(), id -> new ArrayList<>()).add(added.versionId());
                }
            }
        }
        Map<String, List<String>> versionsByName = new HashMap<>();
        versionsBySecret.forEach((secretId, versions) -> versionsByName
                .computeIfAbsent(nameBySecret.get(secretId), n -> new ArrayList<>()).addAll(versions));
        for (String name : ledger.names()) {
            List<String> tokens = ledger.issued(name).stream().map(WriteLedger.Write::token).toList();
            softly.assertThat(versionsByName.getOrDefault(name, List.of()))
                    .as("VersionAdded events of %s: one per issued token, none twice", name)
                    .containsExactlyInAnyOrderElementsOf(tokens);
        }
    }
}
