package io.strongroom.replicator.delta;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Splits a secret's history into deltas that each stay below a record size. A group (the events of
 * one outcome) is never split, so a replica applies a command's changes together; a group larger
 * than the limit travels alone.
 */
public final class Chunks {
    private Chunks() {}

    public static <T> List<List<T>> of(List<List<T>> groups, ToLongFunction<List<T>> size, long limit) {
        List<List<T>> chunks = new ArrayList<>();
        List<T> current = new ArrayList<>();
        long currentSize = 0;
        for (List<T> group : groups) {
            if (group.isEmpty()) {
                continue;
            }
            long groupSize = size.applyAsLong(group);
            if (!current.isEmpty() && currentSize + groupSize > limit) {
                chunks.add(current);
                current = new ArrayList<>();
                currentSize = 0;
            }
            current.addAll(group);
            currentSize += groupSize;
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }
}
