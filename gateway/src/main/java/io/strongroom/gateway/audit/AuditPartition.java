package io.strongroom.gateway.audit;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * The one partition of the audit topic a gateway writes its chain to, from its id (murmur2, as
 * Kafka's default partitioner hashes keys). Records are keyed by account for readers, but
 * partitioned by gateway: a chain is verified in log order, and Kafka orders records only within a
 * partition; keyed by account, one gateway's records would scatter over every partition and their
 * relative order would be lost. Several gateways may share a partition: each record names its
 * gateway, and the verifier follows each chain separately.
 */
final class AuditPartition {
    private AuditPartition() {}

    static int of(String gatewayId, int partitions) {
        return Utils.toPositive(Utils.murmur2(gatewayId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
