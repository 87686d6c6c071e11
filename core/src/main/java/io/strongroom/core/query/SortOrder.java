package io.strongroom.core.query;

/** ListSecrets' SortOrder: secrets are listed by CreatedDate, oldest first unless {@code desc}. */
public enum SortOrder {
    ASC, DESC;

    /** @param wire {@code asc}, {@code desc} or null (the default, ascending) */
    public static SortOrder fromWire(String wire) {
        return "desc".equals(wire) ? DESC : ASC;
    }
}
