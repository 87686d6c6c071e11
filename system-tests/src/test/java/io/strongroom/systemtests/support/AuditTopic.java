package io.strongroom.systemtests.support;

import io.strongroom.core.audit.AuditRecord;
import io.strongroom.deploy.Strongroom;
import io.strongroom.kafka.KafkaSettings;
import io.strongroom.kafka.Records;
import io.strongroom.kafka.Topics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import picocli.CommandLine;

/** The audit topic of a test region, read raw, and the {@code strongroom audit} command run against it. */
public final class AuditTopic {
    public static final String TOPIC = Topics.standard(Topics.DEFAULT_PARTITIONS).audit();

    private AuditTopic() {}

    /** Every record on the topic as it is now, partition by partition in log order. */
    public static List<ConsumerRecord<String, byte[]>> raw(String bootstrapServers) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                KafkaSettings.of(bootstrapServers).consumer("strongroom-test-audit", null))) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            Awaitility.await("audit records read to " + end).atMost(Duration.ofSeconds(30)).pollInSameThread()
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                    .until(() -> {
                        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                        return partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
                    });
        }
        return records;
    }

    public static List<AuditRecord> records(String bootstrapServers) {
        return raw(bootstrapServers).stream().map(r -> Records.audit(r.value())).toList();
    }

    /** {@code strongroom audit <args> --kafka <bootstrap>}, in process: its exit code and output. */
    public static Run command(String bootstrapServers, String... args) {
        StringWriter out = new StringWriter();
        List<String> all = new ArrayList<>(List.of("audit"));
        all.addAll(List.of(args));
        all.addAll(List.of("--kafka", bootstrapServers));
        int exit = new CommandLine(new Strongroom()).setOut(new PrintWriter(out)).execute(all.toArray(String[]::new));
        return new Run(exit, out.toString());
    }

    public record Run(int exitCode, String output) {
        @Override
        public String toString() {
            return "exit " + exitCode + ":\n" + output.lines().collect(Collectors.joining("\n"));
        }
    }
}
