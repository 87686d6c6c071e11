package io.strongroom.deploy.cli;

import io.strongroom.deploy.cluster.DevCluster;
import io.strongroom.deploy.config.IdentitiesFile;
import io.strongroom.gateway.auth.AccessKeyAccounts;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where the gateway's identities come from: a file, or the development identity. */
final class IdentityOptions {
    @Option(names = "--identities", description = "JSON file of identities: access key pairs, accounts, principals, "
            + "identity policies (see README)")
    Path file;

    @Option(names = "--dev-identities", description = "the development identity only (--access-key-id, "
            + "--secret-access-key), root of account " + DevCluster.DEV_ACCOUNT + " (development only)")
    boolean dev;

    @Mixin
    DevIdentityOptions devIdentity;

    AccessKeyAccounts load() {
        if (file != null) {
            return IdentitiesFile.load(file);
        }
        if (dev) {
            return devIdentity.identities();
        }
        throw new IllegalArgumentException("give --identities <file> (or --dev-identities for development)");
    }
}
