package io.strongroom.gateway.projection;

import io.strongroom.core.query.ReadModel;
import java.util.List;

/** A fixed set of projection instances: the dev mode's in-JVM projection, or tests. */
public final class StaticProjectionDirectory implements ProjectionDirectory {
    private final List<ReadModel> models;

    public StaticProjectionDirectory(List<ReadModel> models) {
        this.models = List.copyOf(models);
    }

    @Override
    public List<ReadModel> awaitedByWrites() {
        return models;
    }

    @Override
    public List<ReadModel> readable() {
        return models;
    }
}
