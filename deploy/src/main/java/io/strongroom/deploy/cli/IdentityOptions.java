package io.strongroom.deploy.cli;

import io.strongroom.deploy.cluster.DevCluster;
import io.strongroom.deploy.config.IdentitiesFile;
import io.strongroom.gateway.auth.AccessKeyAccounts;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the gateway's identities come from: a file, or the dev identity. */
final class IdentityOptions {
    @Option(names = "--identities", description = "JSON file of access keys, accounts and principals")
    Path file;

    @Option(names = "--dev-identities", description = "map every access key to the dev account "
            + DevCluster.DEV_ACCOUNT + " (development only)")
    boolean dev;

    AccessKeyAccounts load() {
        if (file != null) {
            return IdentitiesFile.load(file);
        }
        if (dev) {
            return DevCluster.devIdentities();
        }
        throw new IllegalArgumentException("give --identities <file> (or --dev-identities for development)");
    }
}
