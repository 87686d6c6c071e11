package io.strongroom.deploy.replication;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.crypto.TransportCipher;
import io.strongroom.core.replication.PeerRegion;
import io.strongroom.deploy.Strongroom;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The region's replication key pair: generated once, owner-only, and its public half is what peers configure. */
class ReplicationKeyFileTest {
    @TempDir
    Path dataDir;

    @Test
    void theFirstStartGeneratesAnOwnerOnlyRsa3072KeyAndLaterStartsReuseIt() throws Exception {
        KeyPair first = ReplicationKeyFile.loadOrCreate(dataDir);
        KeyPair again = ReplicationKeyFile.loadOrCreate(dataDir);

        Path file = dataDir.resolve(ReplicationKeyFile.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(((RSAPublicKey) first.getPublic()).getModulus().bitLength()).isEqualTo(3072);
        assertThat(again.getPrivate().getEncoded()).isEqualTo(first.getPrivate().getEncoded());
        assertThat(again.getPublic()).isEqualTo(first.getPublic());
        assertThat(Files.list(dataDir)).containsExactly(file);
    }

    @Test
    void aDataKeyWrappedToThePrintedPublicKeyOpensWithTheFilesPrivateKey() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = Strongroom.commandLine().setErr(new PrintWriter(new StringWriter()))
                    .execute("keys", "replication-public-key", "--data-dir", dataDir.toString());
        } finally {
            System.setOut(original);
        }
        String printed = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(exit).isZero();

        PeerRegion peer = new PeerRegion("eu-west-1", "kafka:9092", Map.of(), null, printed);
        byte[] dataKey = new byte[32];
        dataKey[0] = 7;
        byte[] transport = TransportCipher.wrap(peer.publicKey(), dataKey, "111122223333/app/v1");
        KeyPair own = ReplicationKeyFile.load(dataDir.resolve(ReplicationKeyFile.FILE_NAME));
        assertThat(TransportCipher.unwrap(own.getPrivate(), transport, "111122223333/app/v1")).hasValue(dataKey);
        assertThat(printed).doesNotContain("PRIVATE");
    }
}
