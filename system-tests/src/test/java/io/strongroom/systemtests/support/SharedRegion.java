package io.strongroom.systemtests.support;

import io.strongroom.deploy.cluster.DevCluster;
import io.strongroom.gateway.auth.AccessKeyAccounts;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One dev cluster (embedded KRaft broker + every service) for the whole test JVM, started by the
 * first test class that uses it and closed when the JVM's test run ends. Tests stay isolated by
 * taking an account of their own ({@link #newAccount()}).
 */
public final class SharedRegion implements BeforeAllCallback {
    private static final int ACCOUNTS = 200;
    private static final AtomicInteger NEXT_ACCOUNT = new AtomicInteger();
    private static final Map<TestIdentityPolicy, AtomicInteger> NEXT_WITH_POLICY = new EnumMap<>(TestIdentityPolicy.class);
    private static DevCluster cluster;
    private static Path dataDir;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (SharedRegion.class) {
            if (cluster != null) {
                return;
            }
            dataDir = Files.createTempDirectory("strongroom-shared-region");
            DevCluster started = new DevCluster("us-east-1", dataDir, 0, 4, identities()).start();
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(started::isReady);
            cluster = started;
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .put(SharedRegion.class.getName(), (ExtensionContext.Store.CloseableResource) SharedRegion::stop);
        }
    }

    private static void stop() throws Exception {
        synchronized (SharedRegion.class) {
            cluster.close();
            cluster = null;
            TempDirs.delete(dataDir);
        }
    }

    public static URI endpoint() {
        return cluster.endpoint();
    }

    public static DevCluster cluster() {
        return cluster;
    }

    public static Path dataDir() {
        return dataDir;
    }

    /** A fresh account, never handed out before in this JVM. */
    public static TestAccount newAccount() {
        int n = NEXT_ACCOUNT.incrementAndGet();
        if (n > ACCOUNTS) {
            throw new IllegalStateException("more than " + ACCOUNTS + " test accounts: raise SharedRegion.ACCOUNTS");
        }
        return account(n);
    }

    /** A fresh account whose key acts as {@code role/app} with the given identity policy. */
    public static TestAccount newAccount(TestIdentityPolicy policy) {
        int n;
        synchronized (NEXT_WITH_POLICY) {
            n = NEXT_WITH_POLICY.computeIfAbsent(policy, p -> new AtomicInteger()).incrementAndGet();
        }
        if (n > TestIdentityPolicy.ACCOUNTS_EACH) {
            throw new IllegalStateException("more than " + TestIdentityPolicy.ACCOUNTS_EACH + " accounts with " + policy);
        }
        return account(policy, n);
    }

    private static TestAccount account(TestIdentityPolicy policy, int n) {
        String accountId = String.format("%012d", 200_000_000_000L + policy.ordinal() * 1000L + n);
        return new TestAccount(String.format("AKIAPOL%02d%011d", policy.ordinal(), n), accountId,
                "arn:aws:iam::" + accountId + ":role/app");
    }

    private static TestAccount account(int n) {
        return new TestAccount(String.format("AKIATEST%012d", n), String.format("%012d", 100_000_000_000L + n));
    }

    private static AccessKeyAccounts identities() {
        AccessKeyAccounts.Builder builder = AccessKeyAccounts.builder();
        for (int n = 1; n <= ACCOUNTS; n++) {
            TestAccount a = account(n);
            builder.add(a.accessKeyId(), Clients.SECRET_ACCESS_KEY, a.accountId(), "arn:aws:iam::" + a.accountId() + ":root");
        }
        for (TestIdentityPolicy policy : TestIdentityPolicy.values()) {
            for (int n = 1; n <= TestIdentityPolicy.ACCOUNTS_EACH; n++) {
                TestAccount a = account(policy, n);
                builder.add(new AccessKeyAccounts.Identity(a.accessKeyId(), Clients.SECRET_ACCESS_KEY, a.accountId(),
                        a.principalArn(), policy.json()));
            }
        }
        return builder.build();
    }
}
