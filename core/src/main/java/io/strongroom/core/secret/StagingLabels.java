package io.strongroom.core.secret;

import java.util.List;

/** The staging labels Secrets Manager itself moves. */
public final class StagingLabels {
    public static final String CURRENT = "AWSCURRENT";
    public static final String PREVIOUS = "AWSPREVIOUS";
    public static final String PENDING = "AWSPENDING";

    private StagingLabels() {}

    /**
     * An immutable copy of a version's labels in which Secrets Manager's own are these constants, not
     * equal strings of their own: states stay decoded in caches, with one such list per labelled version.
     */
    public static List<String> shared(List<String> stages) {
        if (stages.isEmpty()) {
            return List.of();
        }
        String[] labels = new String[stages.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = shared(stages.get(i));
        }
        return List.of(labels);
    }

    private static String shared(String label) {
        return switch (label) {
            case CURRENT -> CURRENT;
            case PREVIOUS -> PREVIOUS;
            case PENDING -> PENDING;
            default -> label;
        };
    }
}
