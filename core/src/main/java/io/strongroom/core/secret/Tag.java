package io.strongroom.core.secret;

public record Tag(String key, String value) {}
