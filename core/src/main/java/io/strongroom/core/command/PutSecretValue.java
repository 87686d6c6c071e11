package io.strongroom.core.command;

import java.util.List;

/** @param versionStages the labels for the new version; null means AWSCURRENT */
public record PutSecretValue(String clientRequestToken, NewValue value, List<String> versionStages)
        implements Command {}
