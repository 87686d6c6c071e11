package io.strongroom.gateway.support;

import io.strongroom.core.aggregate.CommandHandler;
import io.strongroom.core.aggregate.HandledCommand;
import io.strongroom.core.aggregate.KeyChange;
import io.strongroom.core.command.CommandEnvelope;
import io.strongroom.core.command.CreateSecret;
import io.strongroom.core.crypto.SealedValue;
import io.strongroom.core.crypto.WrappedKey;
import io.strongroom.core.event.EventEnvelope;
import io.strongroom.core.event.VersionAdded;
import io.strongroom.core.secret.EncryptedValue;
import io.strongroom.core.event.Outcome;
import io.strongroom.core.query.ListQuery;
import io.strongroom.core.query.ReadModel;
import io.strongroom.core.query.SecretPage;
import io.strongroom.core.secret.Lifecycle;
import io.strongroom.core.secret.SecretLocator;
import io.strongroom.core.secret.SecretState;
import io.strongroom.gateway.commands.CommandBus;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A command bus and a read model in one object, for exercising the gateway alone: each command is
 * decided at once by the real aggregate ({@link CommandHandler}) and its outcome "applied". Not the
 * real pipeline (no Kafka, no projection): end-to-end tests live in system-tests.
 */
public final class InMemorySecrets implements CommandBus, ReadModel {
    private final Map<String, java.time.LocalDate> accessed = new HashMap<>();
    public record Sent(CommandEnvelope command, String routingKey) {}

    private final CommandHandler handler;
    private final String region;
    private final Clock clock;
    private final Map<String, SecretState> byId = new HashMap<>();
    private final Map<String, WrappedKey> keys = new HashMap<>();
    private final Map<String, EncryptedValue> values = new HashMap<>();
    private final Map<String, Outcome> outcomes = new HashMap<>();
    private final Map<String, CompletableFuture<Outcome>> waiting = new HashMap<>();
    private final List<Sent> sent = new ArrayList<>();
    private volatile boolean applying = true;

    public InMemorySecrets(String region, Clock clock) {
        this.handler = new CommandHandler(region);
        this.region = region;
        this.clock = clock;
    }

    /** When false, commands are acknowledged but never applied: writes time out. */
    public void applying(boolean applying) {
        this.applying = applying;
    }

    public synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    @Override
    public synchronized CompletableFuture<Void> send(CommandEnvelope command, String routingKey) {
        sent.add(new Sent(command, routingKey));
        if (!applying) {
            return CompletableFuture.completedFuture(null);
        }
        SecretState state = command.payload() instanceof CreateSecret create
                ? byName(command.account(), create.name()).orElse(null)
                : locate(command.account(), command.secretId()).orElse(null);
        HandledCommand handled = handler.handle(command, state, clock.instant());
        SecretState after = handled.stateAfter();
        if (after != null) {
            if (after.lifecycle() == Lifecycle.PURGED) {
                byId.remove(after.secretId());
            } else {
                byId.put(after.secretId(), after);
            }
        }
        for (EventEnvelope event : handled.outcome().events()) {
            if (event.payload() instanceof VersionAdded added) {
                values.put(KeyChange.recordKey(event.secretId(), added.versionId()), added.value());
            }
        }
        for (KeyChange change : handled.keyChanges()) {
            if (change.isTombstone()) {
                keys.remove(change.recordKey());
            } else {
                keys.put(change.recordKey(), change.wrappedKey());
            }
        }
        outcomes.put(command.commandId(), handled.outcome());
        CompletableFuture<Outcome> waiter = waiting.remove(command.commandId());
        if (waiter != null) {
            waiter.complete(handled.outcome());
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletableFuture<Optional<SecretState>> secret(String callerAccount, String secretId) {
        return CompletableFuture.completedFuture(locate(callerAccount, secretId));
    }

    @Override
    public synchronized CompletableFuture<Optional<WrappedKey>> dataKey(String secretId, String versionId) {
        return CompletableFuture.completedFuture(Optional.ofNullable(keys.get(KeyChange.recordKey(secretId, versionId))));
    }

    @Override
    public synchronized CompletableFuture<Optional<SealedValue>> sealedValue(String secretId, String versionId) {
        String recordKey = KeyChange.recordKey(secretId, versionId);
        WrappedKey key = keys.get(recordKey);
        EncryptedValue value = values.get(recordKey);
        return CompletableFuture.completedFuture(key == null || value == null
                ? Optional.empty() : Optional.of(new SealedValue(value, key)));
    }

    public synchronized String secretIdOf(String account, String name) {
        return byName(account, name).orElseThrow().secretId();
    }

    /** Shreds a version's data key, as a purge would, to provoke a DecryptionFailure. */
    public synchronized void shred(String secretId, String versionId) {
        keys.remove(KeyChange.recordKey(secretId, versionId));
    }

    @Override
    public synchronized CompletableFuture<SecretPage> listSecrets(ListQuery query) {
        List<SecretState> all = byId.values().stream()
                .filter(s -> s.account().equals(query.account()))
                .filter(query::admits)
                .filter(s -> query.nextToken() == null || s.name().compareTo(query.nextToken()) > 0)
                .sorted(Comparator.comparing(SecretState::name))
                .toList();
        List<SecretState> page = all.subList(0, Math.min(query.maxResults(), all.size()));
        String next = all.size() > page.size() ? page.get(page.size() - 1).name() : null;
        Map<String, java.time.LocalDate> days = new HashMap<>();
        page.forEach(state -> Optional.ofNullable(accessed.get(state.secretId()))
                .ifPresent(day -> days.put(state.secretId(), day)));
        return CompletableFuture.completedFuture(new SecretPage(page, next, days));
    }

    @Override
    public synchronized CompletableFuture<Optional<java.time.LocalDate>> lastAccessed(String secretId) {
        return CompletableFuture.completedFuture(Optional.ofNullable(accessed.get(secretId)));
    }

    @Override
    public synchronized CompletableFuture<Void> recordAccess(String secretId, java.time.LocalDate day) {
        accessed.merge(secretId, day, (a, b) -> a.isAfter(b) ? a : b);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> catchUp(Duration timeout) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletableFuture<Outcome> awaitOutcome(String commandId, Duration timeout) {
        Outcome known = outcomes.get(commandId);
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        return waiting.computeIfAbsent(commandId, id -> new CompletableFuture<Outcome>())
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private Optional<SecretState> locate(String account, String secretId) {
        return SecretLocator.locate(account, region, secretId, this::byName);
    }

    private Optional<SecretState> byName(String account, String name) {
        return byId.values().stream().filter(s -> s.account().equals(account) && s.name().equals(name)).findFirst();
    }
}
