package io.strongroom.core.query;

/** @param nextToken the token of the previous page, or null for the first */
public record ListQuery(String account, int maxResults, String nextToken) {}
