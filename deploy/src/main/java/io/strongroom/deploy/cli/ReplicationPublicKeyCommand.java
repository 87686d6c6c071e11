package io.strongroom.deploy.cli;

import io.strongroom.deploy.replication.ReplicationKeyFile;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code strongroom keys replication-public-key}: prints the region's replication public key (base64
 * SubjectPublicKeyInfo), the {@code replicationPublicKey} other regions name this one with in their
 * peers file. Generates the key pair on first use; the private key is never printed.
 */
@Command(name = "replication-public-key", mixinStandardHelpOptions = true,
        description = "Print this region's replication public key (base64) for the other regions' peers files;"
                + " creates <data-dir>/" + ReplicationKeyFile.FILE_NAME + " if missing.")
final class ReplicationPublicKeyCommand implements Callable<Integer> {
    @Option(names = "--data-dir", defaultValue = "data",
            description = "holds the replication key file (default: ${DEFAULT-VALUE})")
    Path dataDir;

    @Override
    public Integer call() {
        System.out.println(ReplicationKeyFile.publicKeyBase64(ReplicationKeyFile.loadOrCreate(dataDir.toAbsolutePath())));
        return 0;
    }
}
