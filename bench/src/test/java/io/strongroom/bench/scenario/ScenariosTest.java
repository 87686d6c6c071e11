package io.strongroom.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScenariosTest {

    @Test
    void allIsEveryScenarioCeilingLast() {
        assertThat(Scenarios.resolve(List.of("all"))).containsExactly("get-hot", "get-cold", "describe",
                "list", "batch-get", "put", "create", "mixed", "replication-lag", "ceiling");
    }

    @Test
    void aRunWithoutAReplicaRegionLeavesOutReplicationLag() {
        assertThat(Scenarios.withoutReplica(Scenarios.resolve(List.of("all")))).doesNotContain("replication-lag")
                .contains("put", "ceiling");
    }

    @Test
    void namesKeepTheirOrderAndRepeatsCollapse() {
        assertThat(Scenarios.resolve(List.of("put", "get-hot", "put"))).containsExactly("put", "get-hot");
    }

    @Test
    void anUnknownScenarioIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> Scenarios.resolve(List.of("get-warm")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("get-hot");
    }

    @Test
    void secretValuesHaveTheConfiguredLengthAndDifferEachCall() {
        SecretValue value = new SecretValue(64);

        String first = value.next();
        String second = value.next();

        assertThat(first).hasSize(64);
        assertThat(second).hasSize(64).isNotEqualTo(first);
        assertThat(new SecretValue(3).next()).hasSize(3);
    }

    @Test
    void aBatchAnswerGivesEachSecretsCurrentVersion() {
        String answer = "{\"SecretValues\":[{\"Name\":\"a\",\"VersionId\":\"v1\"},{\"Name\":\"b\",\"VersionId\":\"v7\"}],"
                + "\"Errors\":[{\"SecretId\":\"c\",\"ErrorCode\":\"ResourceNotFoundException\"}]}";

        assertThat(Bodies.currentVersions(answer.getBytes())).containsExactly(entry("a", "v1"), entry("b", "v7"));
    }

    @Test
    void listPagesFollowTheNextToken() {
        assertThat(Bodies.nextToken("{\"SecretList\":[],\"NextToken\":\"abc\"}".getBytes())).isEqualTo("abc");
        assertThat(Bodies.nextToken("{\"SecretList\":[]}".getBytes())).isNull();
        assertThat(new String(Bodies.listSecrets(100, "abc"))).isEqualTo("{\"MaxResults\":100,\"NextToken\":\"abc\"}");
    }
}
