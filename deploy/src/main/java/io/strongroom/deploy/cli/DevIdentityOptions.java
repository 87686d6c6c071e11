package io.strongroom.deploy.cli;

import io.strongroom.deploy.cluster.DevCluster;
import io.strongroom.gateway.auth.AccessKeyAccounts;
import picocli.CommandLine.Option;

/** The development identity's key pair: the root of the dev account {@value DevCluster#DEV_ACCOUNT}. */
final class DevIdentityOptions {
    @Option(names = "--access-key-id", defaultValue = DevCluster.DEV_ACCESS_KEY_ID,
            description = "the development identity's access key id (default: ${DEFAULT-VALUE})")
    String accessKeyId = DevCluster.DEV_ACCESS_KEY_ID;

    @Option(names = "--secret-access-key", defaultValue = DevCluster.DEV_SECRET_ACCESS_KEY,
            description = "the development identity's secret access key (default: the one in README)")
    String secretAccessKey = DevCluster.DEV_SECRET_ACCESS_KEY;

    AccessKeyAccounts identities() {
        return DevCluster.devIdentities(accessKeyId, secretAccessKey);
    }

    /** The shell line that sets the SDK's credentials; a secret the user chose is not echoed back. */
    String exportLine(String region) {
        String secret = secretAccessKey.equals(DevCluster.DEV_SECRET_ACCESS_KEY) ? secretAccessKey
                : "<the --secret-access-key you gave>";
        return "export AWS_ACCESS_KEY_ID=" + accessKeyId + " AWS_SECRET_ACCESS_KEY=" + secret
                + " AWS_DEFAULT_REGION=" + region;
    }
}
