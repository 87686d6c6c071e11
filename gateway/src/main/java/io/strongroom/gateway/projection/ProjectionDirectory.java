package io.strongroom.gateway.projection;

import io.strongroom.core.query.ReadModel;
import java.util.List;

/**
 * The projection instances of the region. A write is answered once every instance in
 * {@link #awaitedByWrites()} has applied it; a read asks any instance in {@link #readable()}. An
 * instance joins the first set before the second, and reaches the second only after it has caught
 * up with the log (a barrier), so no instance a read may reach lacks an acknowledged write.
 * Implementations: {@link StaticProjectionDirectory} for a fixed set (one JVM, tests) and
 * {@link PolledProjectionDirectory} for instances in other processes.
 */
public interface ProjectionDirectory {

    /** The instances every write waits for: serving ones, and ones joining. */
    List<ReadModel> awaitedByWrites();

    /** The instances reads may go to; a subset of {@link #awaitedByWrites()}; may be empty while none is ready. */
    List<ReadModel> readable();

    static ProjectionDirectory of(List<ReadModel> models) {
        return new StaticProjectionDirectory(models);
    }

    static ProjectionDirectory of(ReadModel model) {
        return of(List.of(model));
    }
}
