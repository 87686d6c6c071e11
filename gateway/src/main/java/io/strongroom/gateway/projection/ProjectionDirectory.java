package io.strongroom.gateway.projection;

import io.strongroom.core.query.ReadModel;
import java.util.List;

/**
 * The projection instances of the region that serve right now. A write is answered once every one
 * of them has applied it (read-your-writes from any gateway); a read asks any one of them.
 * Implementations: {@link StaticProjectionDirectory} for a fixed set (one JVM, tests), a
 * registry-backed one later.
 */
public interface ProjectionDirectory {

    /** The serving instances at this moment; may be empty while none is ready. */
    List<ReadModel> serving();

    static ProjectionDirectory of(List<ReadModel> models) {
        return new StaticProjectionDirectory(models);
    }

    static ProjectionDirectory of(ReadModel model) {
        return of(List.of(model));
    }
}
