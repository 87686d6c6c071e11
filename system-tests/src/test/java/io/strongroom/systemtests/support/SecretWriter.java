package io.strongroom.systemtests.support;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/**
 * A client application on its own thread, as a crash test needs it: it creates a few secrets, then
 * puts new versions round-robin, each call with an explicit ClientRequestToken recorded in the
 * {@link WriteLedger} before the first attempt. A call that fails for a reason a retry can cure
 * (no connection, a 5xx) is repeated with the SAME token and value until the service acknowledges
 * it, within {@code retryBudget}; any other failure ends the writer and is rethrown by
 * {@link #awaitDone(Duration)}.
 */
public final class SecretWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SecretWriter.class);

    private final SecretsManagerClient client;
    private final WriteLedger ledger;
    private final List<String> names;
    private final int puts;
    private final Duration retryBudget;
    private final AtomicInteger putsDone = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param prefix the secrets' name prefix, unique per writer
     * @param secrets how many secrets to create
     * @param puts how many PutSecretValue calls to make after the creates
     */
    public SecretWriter(SecretsManagerClient client, WriteLedger ledger, String prefix, int secrets, int puts,
            Duration retryBudget) {
        this.client = client;
        this.ledger = ledger;
        this.names = IntStream.range(0, secrets).mapToObj(i -> prefix + "/secret-" + i).toList();
        this.puts = puts;
        this.retryBudget = retryBudget;
        this.thread = new Thread(this::run, "writer-" + prefix);
        this.thread.setDaemon(true);
    }

    public SecretWriter start() {
        thread.start();
        return this;
    }

    /** Waits until every call was acknowledged; rethrows what ended the writer early. */
    public void awaitDone(Duration timeout) {
        Awaitility.await(thread.getName() + " done").atMost(timeout).until(() -> !thread.isAlive());
        Throwable failed = failure.get();
        if (failed != null) {
            throw new AssertionError(thread.getName() + " failed", failed);
        }
    }

    public int putsDone() {
        return putsDone.get();
    }

    /** Stops the writer, abandoning the call in progress (for clean-up: a test that passed has awaited {@link #awaitDone}). */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            for (String name : names) {
                WriteLedger.Write write = ledger.issue(name, UUID.randomUUID().toString(), value(name, 0));
                untilAcknowledged(write, () -> client.createSecret(r -> r.name(write.name())
                        .clientRequestToken(write.token()).secretString(write.value())));
            }
            for (int i = 1; i <= puts && running; i++) {
                String name = names.get(i % names.size());
                WriteLedger.Write write = ledger.issue(name, UUID.randomUUID().toString(), value(name, i));
                untilAcknowledged(write, () -> client.putSecretValue(r -> r.secretId(write.name())
                        .clientRequestToken(write.token()).secretString(write.value())));
                putsDone.incrementAndGet();
            }
        } catch (Throwable t) {
            if (running) {
                failure.set(t);
                LOG.error("{} stopped: {}", thread.getName(), t.toString());
            }
        }
    }

    /** Repeats the call, same token and value, until a success answer; each attempt is one SDK call (with its own retries). */
    private void untilAcknowledged(WriteLedger.Write write, Supplier<?> call) {
        AtomicInteger attempts = new AtomicInteger();
        Awaitility.await("acknowledgement of " + write.token() + " to " + write.name())
                .atMost(retryBudget)
                .pollInSameThread()
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> attempt(call, attempts.incrementAndGet(), write));
        ledger.acknowledge(write, attempts.get());
        if (attempts.get() > 1) {
            LOG.info("{} acknowledged after {} attempts", write.token(), attempts.get());
        }
    }

    private boolean attempt(Supplier<?> call, int attempt, WriteLedger.Write write) {
        if (!running) {
            throw new IllegalStateException("writer closed with " + write.token() + " unacknowledged");
        }
        try {
            call.get();
            return true;
        } catch (SdkClientException e) {
            LOG.info("attempt {} of {}: no answer ({})", attempt, write.token(), e.getMessage());
            ledger.attemptFailed();
            return false;
        } catch (SecretsManagerException e) {
            if (e.statusCode() >= 500) {
                LOG.info("attempt {} of {}: {} {}", attempt, write.token(), e.statusCode(),
                        e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorCode());
                ledger.attemptFailed();
                return false;
            }
            throw e;
        }
    }

    private static String value(String name, int sequence) {
        return "{\"secret\":\"" + name + "\",\"n\":" + sequence + ",\"nonce\":\"" + UUID.randomUUID() + "\"}";
    }
}
