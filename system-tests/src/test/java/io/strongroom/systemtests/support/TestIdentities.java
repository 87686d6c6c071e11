package io.strongroom.systemtests.support;

import io.strongroom.deploy.cluster.DevCluster;
import io.strongroom.gateway.auth.AccessKeyAccounts;
import java.util.List;

/**
 * Identities for the clusters a test starts itself (not {@link SharedRegion}): one access key with
 * {@link Clients#SECRET_ACCESS_KEY}, the root of the dev account, so that
 * {@code Clients.secretsManager(endpoint, accessKeyId)} signs correctly.
 */
public final class TestIdentities {
    private TestIdentities() {}

    /** For an in-process {@link DevCluster} or {@code RegionServices}. */
    public static AccessKeyAccounts devIdentity(String accessKeyId) {
        return DevCluster.devIdentities(accessKeyId, Clients.SECRET_ACCESS_KEY);
    }

    /** For a {@code strongroom dev|node|gateway} child process: its development identity options. */
    public static List<String> devIdentityOptions(String accessKeyId) {
        return List.of("--access-key-id", accessKeyId, "--secret-access-key", Clients.SECRET_ACCESS_KEY);
    }
}
