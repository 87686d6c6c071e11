package io.strongroom.gateway.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strongroom.core.codec.Json;
import io.strongroom.core.crypto.MasterKey;
import io.strongroom.core.crypto.MasterKeyRing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The region's master keys in a JSON file in the data directory:
 * {@code {"v":1,"keys":[{"name":"alias/aws/secretsmanager","version":1,"material":"<base64 of 32 bytes>"}]}}.
 * A missing file is created with one fresh random key for {@code alias/aws/secretsmanager}, owner
 * read/write only ({@code rw-------}), written to a temporary file and moved into place so a crash
 * never leaves half a key file; if another process wins the race, its file is loaded instead.
 *
 * <p>Key material never reaches a log line or an exception message: parse errors report the file
 * and the entry, and drop the parser's own message, which may quote the file's content.
 */
public final class MasterKeyFile {
    public static final String FILE_NAME = "master-keys.json";
    private static final Logger LOG = LoggerFactory.getLogger(MasterKeyFile.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private MasterKeyFile() {}

    /** Loads {@code dataDir/master-keys.json}, creating it first if it does not exist. */
    public static MasterKeyRing loadOrCreate(Path dataDir, SecureRandom random) {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            create(file, random);
        }
        return load(file);
    }

    public static MasterKeyRing load(Path file) {
        warnIfShared(file);
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read master key file " + file, e);
        }
        try {
            return parse(content, "master key file " + file);
        } finally {
            java.util.Arrays.fill(content, (byte) 0);
        }
    }

    /**
     * Reads the key document (from the file or the environment); {@code source} names it in errors.
     * An optional {@code "aliases": {"alias/app": "<key name>"}} gives keys further names.
     */
    static MasterKeyRing parse(byte[] json, String source) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (IOException e) {
            // Deliberately without the cause: a parser message can quote key material.
            throw new IllegalStateException(source + " is not readable JSON");
        }
        JsonNode entries = root == null ? null : root.get("keys");
        if (entries == null || !entries.isArray() || entries.isEmpty()) {
            throw new IllegalStateException(source + " has no \"keys\" array");
        }
        List<MasterKey> keys = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            keys.add(entry(source, i, entries.get(i)));
        }
        Map<String, String> aliases = new HashMap<>();
        JsonNode aliasNode = root.get("aliases");
        if (aliasNode != null && aliasNode.isObject()) {
            aliasNode.fields().forEachRemaining(e -> aliases.put(e.getKey(), e.getValue().asText()));
        }
        LOG.info("loaded {} master key(s) from {}: {}", keys.size(), source, keys);
        return new MasterKeyRing(keys, aliases);
    }

    private static MasterKey entry(String file, int index, JsonNode entry) {
        JsonNode name = entry.get("name");
        JsonNode version = entry.get("version");
        JsonNode material = entry.get("material");
        if (name == null || !name.isTextual() || version == null || !version.canConvertToInt()
                || material == null || !material.isTextual()) {
            throw new IllegalStateException(file + ": entry " + index
                    + " needs \"name\" (text), \"version\" (integer) and \"material\" (base64)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(material.textValue());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + ": entry " + index + " material is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(file + ": entry " + index + " is not a 256-bit key");
        }
        return new MasterKey(name.textValue(), version.intValue(), bytes);
    }

    static void create(Path file, SecureRandom random) {
        ObjectNode root = Json.MAPPER.createObjectNode().put("v", 1);
        ArrayNode keys = root.putArray("keys");
        keys.add(newEntry(MasterKeyRing.DEFAULT_KEY, 1, random));
        try {
            if (writeOwnerOnly(file, root, false)) {
                LOG.info("created master key file {} with a new key {}#1", file, MasterKeyRing.DEFAULT_KEY);
            }
        } finally {
            keys.removeAll();
        }
    }

    /** A key entry with fresh random material. */
    static ObjectNode newEntry(String name, int version, SecureRandom random) {
        byte[] material = new byte[32];
        random.nextBytes(material);
        try {
            return Json.MAPPER.createObjectNode()
                    .put("name", name)
                    .put("version", version)
                    .put("material", Base64.getEncoder().encodeToString(material));
        } finally {
            java.util.Arrays.fill(material, (byte) 0);
        }
    }

    /**
     * Writes the document owner-only, to a temporary file moved into place, so a crash never leaves half
     * a key file. Returns false if {@code replace} is false and another process created the file first.
     */
    static boolean writeOwnerOnly(Path file, JsonNode root, boolean replace) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = ownerOnlyTempFile(file.toAbsolutePath().getParent());
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(Json.MAPPER.writeValueAsBytes(root)));
                channel.force(true);
            }
            try {
                if (replace) {
                    Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                } else {
                    Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                }
                return true;
            } catch (FileAlreadyExistsException raced) {
                Files.deleteIfExists(temp);
                return false;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write master key file " + file, e);
        }
    }

    private static Path ownerOnlyTempFile(Path dir) throws IOException {
        try {
            return Files.createTempFile(dir, ".master-keys", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException notPosix) {
            return Files.createTempFile(dir, ".master-keys", ".tmp");
        }
    }

    private static void warnIfShared(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            Set<PosixFilePermission> extra = EnumSet.copyOf(permissions);
            extra.removeAll(OWNER_ONLY);
            if (!extra.isEmpty()) {
                LOG.warn("master key file {} is accessible beyond its owner ({}); restrict it with chmod 600", file,
                        PosixFilePermissions.toString(permissions));
            }
        } catch (UnsupportedOperationException | IOException notPosix) {
            // Not a POSIX file system: nothing to check.
        }
    }
}
