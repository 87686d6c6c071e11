package io.strongroom.systemtests.support;

import io.strongroom.gateway.auth.AccessKeyAccounts;
import io.strongroom.kafka.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Two regions replicating to each other for the whole test JVM, {@value #PRIMARY} and
 * {@value #REPLICA}: two KRaft brokers, two ZooKeepers, each region's services and replicator, started
 * by the first test class that uses them and closed when the JVM's test run ends. Each test class
 * takes accounts of its own ({@link #newAccount()}); the same account exists in both regions.
 */
public final class TwoRegions implements BeforeAllCallback {
    public static final String PRIMARY = "us-east-1";
    public static final String REPLICA = "eu-west-1";
    /** Short, so that a region that does not answer shows Failed within a test's patience. */
    public static final Duration ACK_TIMEOUT = Duration.ofSeconds(3);
    private static final int PARTITIONS = 2;
    private static final int ACCOUNTS = 100;
    private static final AtomicInteger NEXT_ACCOUNT = new AtomicInteger();
    private static FixtureRegion primary;
    private static FixtureRegion replica;
    private static Path dataDir;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (TwoRegions.class) {
            if (primary != null) {
                return;
            }
            dataDir = Files.createTempDirectory("strongroom-two-regions");
            Topics topics = Topics.standard(PARTITIONS);
            FixtureRegion us = FixtureRegion.storage(PRIMARY, dataDir.resolve(PRIMARY), topics);
            FixtureRegion eu = FixtureRegion.storage(REPLICA, dataDir.resolve(REPLICA), topics);
            us.startServices(identities(), List.of(eu.asPeer()), ACK_TIMEOUT);
            eu.startServices(identities(), List.of(us.asPeer()), ACK_TIMEOUT);
            primary = us;
            replica = eu;
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .put(TwoRegions.class.getName(), (ExtensionContext.Store.CloseableResource) TwoRegions::stop);
        }
    }

    private static void stop() throws Exception {
        synchronized (TwoRegions.class) {
            replica.close();
            primary.close();
            primary = null;
            replica = null;
            TempDirs.delete(dataDir);
        }
    }

    /** {@value #PRIMARY}: where the tests create the secrets they replicate. */
    public static FixtureRegion primary() {
        return primary;
    }

    /** {@value #REPLICA}: where the replicas appear. */
    public static FixtureRegion replica() {
        return replica;
    }

    /** A fresh account, never handed out before in this JVM, known to both regions. */
    public static TestAccount newAccount() {
        int n = NEXT_ACCOUNT.incrementAndGet();
        if (n > ACCOUNTS) {
            throw new IllegalStateException("more than " + ACCOUNTS + " test accounts: raise TwoRegions.ACCOUNTS");
        }
        return account(n);
    }

    private static TestAccount account(int n) {
        return new TestAccount(String.format("AKIAREPL%012d", n), String.format("%012d", 300_000_000_000L + n));
    }

    private static AccessKeyAccounts identities() {
        AccessKeyAccounts.Builder builder = AccessKeyAccounts.builder();
        for (int n = 1; n <= ACCOUNTS; n++) {
            TestAccount a = account(n);
            builder.add(a.accessKeyId(), Clients.SECRET_ACCESS_KEY, a.accountId(), "arn:aws:iam::" + a.accountId() + ":root");
        }
        return builder.build();
    }
}
