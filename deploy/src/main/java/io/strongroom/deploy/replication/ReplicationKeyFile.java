package io.strongroom.deploy.replication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The region's replication key pair in {@code <data-dir>/replication-key.pem}: an RSA-3072 private
 * key, PKCS#8 PEM. Peers wrap data keys to its public half (their peers configuration carries it, in
 * base64 SubjectPublicKeyInfo); command-service unwraps them with the private half.
 *
 * <p>Like the master key file: a missing file is generated once, owner read/write only, written to a
 * temporary file and moved into place so a crash never leaves half a key; if another process wins the
 * race, its file is loaded. Key material never reaches a log line or an exception message.
 */
public final class ReplicationKeyFile {
    public static final String FILE_NAME = "replication-key.pem";
    static final int KEY_BITS = 3072;
    private static final Logger LOG = LoggerFactory.getLogger(ReplicationKeyFile.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    private ReplicationKeyFile() {}

    /** Loads {@code dataDir/replication-key.pem}, generating it first if it does not exist. */
    public static KeyPair loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            create(file);
        }
        return load(file);
    }

    public static KeyPair load(Path file) {
        warnIfShared(file);
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read replication key file " + file, e);
        }
        int begin = pem.indexOf(BEGIN);
        int end = pem.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalStateException("replication key file " + file + " holds no PKCS#8 PRIVATE KEY");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(pem.substring(begin + BEGIN.length(), end));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("replication key file " + file + " is not base64 PEM");
        }
        try {
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(der));
            var publicKey = KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
            return new KeyPair(publicKey, key);
        } catch (GeneralSecurityException | ClassCastException e) {
            // Without the cause: its message could describe the key.
            throw new IllegalStateException("replication key file " + file + " is not an RSA private key");
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    /** The public half as peers configure it: base64 of the X.509 SubjectPublicKeyInfo. */
    public static String publicKeyBase64(KeyPair pair) {
        return Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
    }

    static void create(Path file) {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_BITS, new SecureRandom());
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an RSA-" + KEY_BITS + " replication key", e);
        }
        byte[] der = pair.getPrivate().getEncoded();
        byte[] pem = (BEGIN + "\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n" + END
                + "\n").getBytes(StandardCharsets.US_ASCII);
        try {
            if (writeOwnerOnly(file, pem)) {
                LOG.info("created replication key file {} with a new RSA-{} key pair", file, KEY_BITS);
            }
        } finally {
            Arrays.fill(der, (byte) 0);
            Arrays.fill(pem, (byte) 0);
        }
    }

    /** False if another process created the file first (its key is then the region's). */
    private static boolean writeOwnerOnly(Path file, byte[] content) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = ownerOnlyTempFile(dir);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(content));
                channel.force(true);
            }
            // A hard link, unlike a rename, refuses to replace a file another process made meanwhile.
            try {
                Files.createLink(file, temp);
                return true;
            } catch (FileAlreadyExistsException raced) {
                return false;
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write replication key file " + file, e);
        }
    }

    private static Path ownerOnlyTempFile(Path dir) throws IOException {
        try {
            return Files.createTempFile(dir, ".replication-key", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException notPosix) {
            return Files.createTempFile(dir, ".replication-key", ".tmp");
        }
    }

    private static void warnIfShared(Path file) {
        try {
            Set<PosixFilePermission> extra = EnumSet.copyOf(Files.getPosixFilePermissions(file));
            extra.removeAll(OWNER_ONLY);
            if (!extra.isEmpty()) {
                LOG.warn("replication key file {} is accessible beyond its owner; restrict it with chmod 600", file);
            }
        } catch (UnsupportedOperationException | IOException notPosix) {
            // Not a POSIX file system: nothing to check.
        }
    }
}
