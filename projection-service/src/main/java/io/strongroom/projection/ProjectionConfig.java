package io.strongroom.projection;

import io.strongroom.kafka.KafkaSettings;
import io.strongroom.kafka.Topics;
import io.strongroom.projection.tls.InternalTls;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What one projection instance needs.
 *
 * @param region the region this instance's read model belongs to (full ARNs of other regions name nothing here)
 * @param dataDir the instance's own RocksDB directory; deleting it makes the next start rebuild from Kafka
 * @param httpHost where the internal projection API binds; null means {@link #DEFAULT_HTTP_HOST} (loopback)
 * @param httpPort the internal API's port, 0 for an ephemeral one; null runs no HTTP server (in-JVM use only)
 * @param instanceId names the instance in logs and in its Kafka client id
 * @param maxServingLagRecords how far behind the log the instance may fall before its health endpoint
 *     says it does not serve, so gateways route around it
 * @param httpTls mutual TLS for the internal API; null serves plain HTTP (loopback or an explicit --insecure)
 */
public record ProjectionConfig(
        String region,
        KafkaSettings kafka,
        Topics topics,
        Path dataDir,
        String httpHost,
        Integer httpPort,
        String instanceId,
        long maxServingLagRecords,
        InternalTls httpTls) {
    public static final String DEFAULT_HTTP_HOST = "127.0.0.1";
    /** Beyond this many records behind the log, the instance tells gateways it does not serve. */
    public static final long DEFAULT_MAX_SERVING_LAG_RECORDS = 10_000;

    public ProjectionConfig(String region, KafkaSettings kafka, Topics topics, Path dataDir, String httpHost,
            Integer httpPort, String instanceId) {
        this(region, kafka, topics, dataDir, httpHost, httpPort, instanceId, DEFAULT_MAX_SERVING_LAG_RECORDS);
    }

    public ProjectionConfig(String region, KafkaSettings kafka, Topics topics, Path dataDir, String httpHost,
            Integer httpPort, String instanceId, long maxServingLagRecords) {
        this(region, kafka, topics, dataDir, httpHost, httpPort, instanceId, maxServingLagRecords, null);
    }

    public ProjectionConfig {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(kafka, "kafka");
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(instanceId, "instanceId");
        if (httpPort != null && (httpPort < 0 || httpPort > 65535)) {
            throw new IllegalArgumentException("httpPort out of range: " + httpPort);
        }
    }

    /** An instance without the internal HTTP API (the gateway calls it directly in the same JVM). */
    public static ProjectionConfig local(String region, KafkaSettings kafka, Topics topics, Path dataDir,
            String instanceId) {
        return new ProjectionConfig(region, kafka, topics, dataDir, null, null, instanceId);
    }

    public ProjectionConfig withHttp(String host, int port) {
        return new ProjectionConfig(region, kafka, topics, dataDir, host, port, instanceId, maxServingLagRecords,
                httpTls);
    }

    public ProjectionConfig withMaxServingLag(long records) {
        return new ProjectionConfig(region, kafka, topics, dataDir, httpHost, httpPort, instanceId, records, httpTls);
    }

    public ProjectionConfig withHttpTls(InternalTls tls) {
        return new ProjectionConfig(region, kafka, topics, dataDir, httpHost, httpPort, instanceId,
                maxServingLagRecords, tls);
    }

    public String effectiveHttpHost() {
        return httpHost == null ? DEFAULT_HTTP_HOST : httpHost;
    }

    public String clientId() {
        return "strongroom-projection-" + instanceId;
    }
}
