package io.strongroom.gateway.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.strongroom.core.query.ReadModel;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class PolledProjectionDirectoryTest {

    private static ReadModel model(String name) {
        return (ReadModel) Proxy.newProxyInstance(ReadModel.class.getClassLoader(), new Class<?>[] {ReadModel.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "toString" -> name;
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> throw new AssertionError("the directory must not call " + method.getName());
                });
    }

    @Test
    void offersOnlyInstancesWhoseLastProbeSaidServing() {
        AtomicBoolean bUp = new AtomicBoolean(false);
        ReadModel a = model("a");
        ReadModel b = model("b");
        try (PolledProjectionDirectory directory = new PolledProjectionDirectory(List.of(
                new PolledProjectionDirectory.Instance("a", a, () -> CompletableFuture.completedFuture(true)),
                new PolledProjectionDirectory.Instance("b", b, () -> CompletableFuture.completedFuture(bUp.get()))),
                Duration.ofMillis(20))) {
            assertThat(directory.serving()).containsExactly(a);

            bUp.set(true);
            await().atMost(Duration.ofSeconds(5)).until(() -> directory.serving().size() == 2);

            bUp.set(false);
            await().atMost(Duration.ofSeconds(5)).until(() -> directory.serving().equals(List.of(a)));
        }
    }

    @Test
    void aFailingProbeCountsAsNotServing() {
        ReadModel a = model("a");
        try (PolledProjectionDirectory directory = new PolledProjectionDirectory(List.of(
                new PolledProjectionDirectory.Instance("a", a,
                        () -> CompletableFuture.failedFuture(new java.io.IOException("connection refused")))),
                Duration.ofMillis(20))) {
            assertThat(directory.serving()).isEmpty();
        }
    }
}
