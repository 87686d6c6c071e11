package io.strongroom.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.deploy.Strongroom;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code strongroom replicator} refuses an incomplete configuration in one line, before it connects to anything. */
class ReplicationOptionsTest {
    @TempDir
    Path dir;

    @Test
    void theReplicatorNeedsZooKeeperAndPeers() {
        StringWriter err = new StringWriter();
        int exit = launcher(err).execute("replicator", "--kafka", "127.0.0.1:1", "--data-dir", dir.toString(),
                "--peers", dir.resolve("peers.json").toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--zookeeper");

        StringWriter noPeers = new StringWriter();
        assertThat(launcher(noPeers).execute("replicator", "--kafka", "127.0.0.1:1", "--data-dir", dir.toString(),
                "--zookeeper", "127.0.0.1:1")).isEqualTo(2);
        assertThat(noPeers.toString()).contains("--peers");
    }

    @Test
    void anUnreadablePeersFileIsOneLineNamingIt() throws Exception {
        Path peers = Files.writeString(dir.resolve("peers.json"), "{not json");
        StringWriter err = new StringWriter();
        int exit = launcher(err).execute("replicator", "--kafka", "127.0.0.1:1", "--data-dir", dir.toString(),
                "--zookeeper", "127.0.0.1:1", "--peers", peers.toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("strongroom replicator: cannot read peers file " + peers)
                .doesNotContain("\tat ");
    }

    private static CommandLine launcher(StringWriter err) {
        return Strongroom.commandLine().setErr(new PrintWriter(err, true));
    }
}
