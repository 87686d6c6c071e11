package io.strongroom.projection.apply;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * The high watermark of partitions: the end of the log including records of transactions not yet
 * committed (a read_committed consumer's endOffsets stop earlier, at the last stable offset). The
 * {@link KeyGate} needs it; see there why.
 */
interface HighWatermarks extends AutoCloseable {
    Map<TopicPartition, Long> of(Collection<TopicPartition> partitions);

    @Override
    void close();

    /** Asks the brokers through an Admin client; a failure comes out as the Kafka exception behind it. */
    static HighWatermarks from(Admin admin, long timeoutMs) {
        return new HighWatermarks() {
            @Override
            public Map<TopicPartition, Long> of(Collection<TopicPartition> partitions) {
                Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                        .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()));
                try {
                    Map<TopicPartition, Long> ends = new HashMap<>();
                    admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED))
                            .all().get(timeoutMs, TimeUnit.MILLISECONDS)
                            .forEach((partition, info) -> ends.put(partition, info.offset()));
                    return ends;
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof KafkaException k ? k : new KafkaException(e.getCause());
                } catch (java.util.concurrent.TimeoutException e) {
                    throw new TimeoutException("listing high watermarks took over " + timeoutMs + " ms");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new org.apache.kafka.common.errors.InterruptException(e);
                }
            }

            @Override
            public void close() {
                admin.close();
            }
        };
    }
}
