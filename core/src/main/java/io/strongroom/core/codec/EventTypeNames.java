package io.strongroom.core.codec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import io.strongroom.core.event.SecretEvent;
import java.util.HashMap;
import java.util.Map;

/** The JSON type names of the event payloads, both ways, as {@link SecretEvent}'s {@code @JsonSubTypes} lists them. */
final class EventTypeNames {
    static final Map<String, Class<? extends SecretEvent>> TYPES;
    static final Map<Class<?>, String> NAMES;

    static {
        Map<String, Class<? extends SecretEvent>> types = new HashMap<>();
        Map<Class<?>, String> names = new HashMap<>();
        for (JsonSubTypes.Type subtype : SecretEvent.class.getAnnotation(JsonSubTypes.class).value()) {
            @SuppressWarnings("unchecked")
            Class<? extends SecretEvent> type = (Class<? extends SecretEvent>) subtype.value();
            types.put(subtype.name(), type);
            names.put(type, subtype.name());
        }
        TYPES = Map.copyOf(types);
        NAMES = Map.copyOf(names);
    }

    private EventTypeNames() {}
}
