package io.strongroom.gateway.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.strongroom.core.query.ReadModel;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PolledProjectionDirectoryTest {

    /** A read model whose only used call, catchUp, answers with the given barrier. */
    private static ReadModel model(String name, AtomicReference<CompletableFuture<Void>> barrier) {
        return (ReadModel) Proxy.newProxyInstance(ReadModel.class.getClassLoader(), new Class<?>[] {ReadModel.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "catchUp" -> barrier.get();
                    case "toString" -> name;
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> throw new AssertionError("the directory must not call " + method.getName());
                });
    }

    private static AtomicReference<CompletableFuture<Void>> caughtUp() {
        return new AtomicReference<>(CompletableFuture.completedFuture(null));
    }

    @Test
    void offersOnlyInstancesWhoseLastProbeSaidServing() {
        AtomicBoolean bUp = new AtomicBoolean(false);
        ReadModel a = model("a", caughtUp());
        ReadModel b = model("b", caughtUp());
        try (PolledProjectionDirectory directory = new PolledProjectionDirectory(List.of(
                new PolledProjectionDirectory.Instance("a", a, () -> CompletableFuture.completedFuture(true)),
                new PolledProjectionDirectory.Instance("b", b, () -> CompletableFuture.completedFuture(bUp.get()))),
                Duration.ofMillis(20))) {
            assertThat(directory.readable()).containsExactly(a);
            assertThat(directory.awaitedByWrites()).containsExactly(a);

            bUp.set(true);
            await().atMost(Duration.ofSeconds(5)).until(() -> directory.readable().size() == 2);

            bUp.set(false);
            await().atMost(Duration.ofSeconds(5)).until(() -> directory.readable().equals(List.of(a))
                    && directory.awaitedByWrites().equals(List.of(a)));
        }
    }

    @Test
    void aJoiningInstanceIsAwaitedByWritesBeforeItServesReads() {
        AtomicReference<CompletableFuture<Void>> barrier = new AtomicReference<>(new CompletableFuture<>());
        ReadModel a = model("a", caughtUp());
        ReadModel b = model("b", barrier);
        try (PolledProjectionDirectory directory = new PolledProjectionDirectory(List.of(
                new PolledProjectionDirectory.Instance("a", a, () -> CompletableFuture.completedFuture(true)),
                new PolledProjectionDirectory.Instance("b", b, () -> CompletableFuture.completedFuture(true))),
                Duration.ofMillis(20))) {
            assertThat(directory.awaitedByWrites()).containsExactly(a, b);
            assertThat(directory.readable()).containsExactly(a);

            barrier.get().complete(null);
            assertThat(directory.readable()).containsExactly(a, b);
        }
    }

    @Test
    void aFailingProbeCountsAsNotServing() {
        ReadModel a = model("a", caughtUp());
        try (PolledProjectionDirectory directory = new PolledProjectionDirectory(List.of(
                new PolledProjectionDirectory.Instance("a", a,
                        () -> CompletableFuture.failedFuture(new java.io.IOException("connection refused")))),
                Duration.ofMillis(20))) {
            assertThat(directory.readable()).isEmpty();
            assertThat(directory.awaitedByWrites()).isEmpty();
        }
    }
}
