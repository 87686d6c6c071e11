package io.strongroom.deploy.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.kafka.Topics;
import java.util.List;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

class KafkaAclLayoutTest {
    private final List<AclBinding> acl = KafkaAclLayout.bindings(Topics.standard(8),
            KafkaAclLayout.Principals.standard());

    @Test
    void onlyGatewaysTheSchedulerAndReplicatorsWriteCommands() {
        assertThat(principalsAllowed(AclOperation.WRITE, "strongroom.commands"))
                .containsExactlyInAnyOrder("User:gateway", "User:scheduler", "User:replicator");
    }

    @Test
    void onlyCommandServiceWritesEventsAndKeys() {
        assertThat(principalsAllowed(AclOperation.WRITE, "strongroom.events")).containsExactly("User:command-service");
        assertThat(principalsAllowed(AclOperation.WRITE, "strongroom.keys")).containsExactly("User:command-service");
    }

    @Test
    void keysAreReadOnlyByProjections() {
        assertThat(principalsAllowed(AclOperation.READ, "strongroom.keys")).containsExactly("User:projection-service");
    }

    @Test
    void noServiceMayCreateTopicsOrAlterTheCluster() {
        assertThat(acl).noneMatch(b -> b.entry().operation() == AclOperation.CREATE
                || b.entry().operation() == AclOperation.ALTER || b.entry().operation() == AclOperation.ALL
                || b.pattern().resourceType() == ResourceType.CLUSTER);
    }

    private List<String> principalsAllowed(AclOperation operation, String topic) {
        return acl.stream()
                .filter(b -> b.pattern().resourceType() == ResourceType.TOPIC && b.pattern().name().equals(topic))
                .filter(b -> b.entry().operation() == operation)
                .map(b -> b.entry().principal()).toList();
    }
}
