package io.strongroom.deploy.cli;

import io.strongroom.core.crypto.KmsKeyId;
import io.strongroom.gateway.crypto.MasterKeyFile;
import io.strongroom.gateway.crypto.MasterKeyRotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code strongroom keys rotate|create|list}: edits the master key file in a data directory. Gateways
 * read the file at start: restart them (with the same file) to wrap new data keys under the newest
 * version. Key material is never printed.
 */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Manage the region's master keys in <data-dir>/" + MasterKeyFile.FILE_NAME + ".",
        subcommands = {KeysCommand.Rotate.class, KeysCommand.Create.class, KeysCommand.ListKeys.class,
                ReplicationPublicKeyCommand.class})
public final class KeysCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    abstract static class OnFile implements Callable<Integer> {
        @Option(names = "--data-dir", defaultValue = "data", description = "holds the master key file (default: ${DEFAULT-VALUE})")
        Path dataDir;

        Path file() {
            return dataDir.resolve(MasterKeyFile.FILE_NAME);
        }
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = "Add a new version of a key: new data keys are wrapped under it, old versions stay readable.")
    static final class Rotate extends OnFile {
        @Option(names = "--key", defaultValue = KmsKeyId.DEFAULT, description = "the key (alias, key id or ARN; default: ${DEFAULT-VALUE})")
        String key;

        @Override
        public Integer call() {
            if (!Files.exists(file())) {
                MasterKeyFile.loadOrCreate(dataDir, new SecureRandom());
            }
            int version = MasterKeyRotation.rotate(file(), key, new SecureRandom());
            System.out.println("rotated " + KmsKeyId.canonical(key) + " to version " + version + " in " + file()
                    + "; restart the gateways to use it");
            return 0;
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Add a named key that CreateSecret and UpdateSecret can name as KmsKeyId.")
    static final class Create extends OnFile {
        @Option(names = "--key", required = true, description = "the new key's name: alias/... or a key id")
        String key;

        @Override
        public Integer call() {
            if (!Files.exists(file())) {
                MasterKeyFile.loadOrCreate(dataDir, new SecureRandom());
            }
            MasterKeyRotation.create(file(), key, new SecureRandom());
            System.out.println("created " + KmsKeyId.canonical(key) + " version 1 in " + file());
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List key names and versions (never material).")
    static final class ListKeys extends OnFile {
        @Override
        public Integer call() {
            MasterKeyFile.load(file()).versionsByName().forEach((name, versions) ->
                    System.out.println(name + " versions " + versions));
            return 0;
        }
    }
}
