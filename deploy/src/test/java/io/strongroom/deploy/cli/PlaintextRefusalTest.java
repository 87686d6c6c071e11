package io.strongroom.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.deploy.Strongroom;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The launcher refuses plaintext internal traffic off loopback before it connects to anything. */
class PlaintextRefusalTest {
    @TempDir
    Path dataDir;

    @Test
    void commandServiceRefusesAPlaintextKafkaOffLoopback() {
        StringWriter err = new StringWriter();
        int exit = launcher(err).execute("command-service", "--kafka", "10.0.0.5:9092", "--data-dir", dataDir.toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("strongroom command-service: refusing to start: Kafka at 10.0.0.5:9092")
                .contains("--insecure").doesNotContain("\tat ");
    }

    @Test
    void projectionServiceRefusesAPlaintextApiOnAllInterfaces() {
        StringWriter err = new StringWriter();
        int exit = launcher(err).execute("projection-service", "--kafka", "127.0.0.1:1", "--host", "0.0.0.0",
                "--data-dir", dataDir.toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("the projection API would listen in plaintext on 0.0.0.0");
    }

    @Test
    void schedulerRefusesAPlaintextZooKeeperOffLoopback() {
        StringWriter err = new StringWriter();
        int exit = launcher(err).execute("scheduler", "--kafka", "127.0.0.1:1", "--zookeeper", "10.0.0.7:2181");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("refusing to start: ZooKeeper at 10.0.0.7:2181").contains("--insecure")
                .doesNotContain("\tat ");
    }

    private static CommandLine launcher(StringWriter err) {
        return Strongroom.commandLine().setErr(new PrintWriter(err, true));
    }
}
