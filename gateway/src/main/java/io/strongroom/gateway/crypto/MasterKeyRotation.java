package io.strongroom.gateway.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strongroom.core.codec.Json;
import io.strongroom.core.crypto.KmsKeyId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * Changes to a master key file: a new version of a key (rotation) or a new named key. Versions are
 * only ever added: old versions stay in the file so data keys wrapped under them still open, and new
 * data keys are wrapped under the newest version once gateways have reloaded the file (restart).
 * The file is rewritten owner-only and atomically.
 */
public final class MasterKeyRotation {
    private MasterKeyRotation() {}

    /** Adds version max+1 of an existing key; returns the new version. */
    public static int rotate(Path file, String kmsKeyId, SecureRandom random) {
        String name = KmsKeyId.canonical(kmsKeyId);
        ObjectNode root = read(file);
        int newest = newestVersion(root, name);
        if (newest == 0) {
            throw new IllegalArgumentException("no key " + name + " in " + file + "; create it first");
        }
        keys(root, file).add(MasterKeyFile.newEntry(name, newest + 1, random));
        MasterKeyFile.writeOwnerOnly(file, root, true);
        return newest + 1;
    }

    /** Adds a new named key (an alias {@code alias/...} or a key id) at version 1. */
    public static void create(Path file, String kmsKeyId, SecureRandom random) {
        String name = KmsKeyId.canonical(kmsKeyId);
        ObjectNode root = read(file);
        if (newestVersion(root, name) > 0) {
            throw new IllegalArgumentException("key " + name + " already exists in " + file + "; rotate it instead");
        }
        keys(root, file).add(MasterKeyFile.newEntry(name, 1, random));
        MasterKeyFile.writeOwnerOnly(file, root, true);
    }

    private static ObjectNode read(Path file) {
        try {
            JsonNode root = Json.MAPPER.readTree(Files.readAllBytes(file));
            if (root instanceof ObjectNode object) {
                return object;
            }
        } catch (IOException e) {
            if (!Files.exists(file)) {
                throw new UncheckedIOException("no master key file " + file, e);
            }
        }
        // Without the parser's message: it can quote key material.
        throw new IllegalStateException("master key file " + file + " is not readable JSON");
    }

    private static ArrayNode keys(ObjectNode root, Path file) {
        JsonNode keys = root.get("keys");
        if (!(keys instanceof ArrayNode array)) {
            throw new IllegalStateException("master key file " + file + " has no \"keys\" array");
        }
        return array;
    }

    private static int newestVersion(ObjectNode root, String name) {
        int newest = 0;
        JsonNode keys = root.get("keys");
        if (keys != null) {
            for (JsonNode entry : keys) {
                if (name.equals(entry.path("name").asText())) {
                    newest = Math.max(newest, entry.path("version").asInt());
                }
            }
        }
        return newest;
    }
}
