package io.strongroom.core.event;

import java.util.List;
import java.util.Map;

/** The complete new label list of each version whose labels changed (an empty list: no labels left). */
public record VersionStagesSet(Map<String, List<String>> stagesByVersion) implements SecretEvent {}
