package io.strongroom.gateway.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A gateway's audit identity, kept in its data directory ({@code gateway-id}): made once as
 * {@code <hostname>-<8 random hex>}, read back on every restart. The id names the gateway's hash
 * chain, so a gateway restarted on the same data directory continues its chain, and two gateways
 * never share one (each data directory gets its own id).
 */
public final class GatewayIdFile {
    public static final String FILE_NAME = "gateway-id";

    private GatewayIdFile() {}

    public static String loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dataDir);
                byte[] suffix = new byte[4];
                new SecureRandom().nextBytes(suffix);
                try {
                    Files.writeString(file, hostname() + "-" + HexFormat.of().formatHex(suffix) + "\n",
                            StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW);
                } catch (FileAlreadyExistsException raced) {
                    // another process made it first: use its id
                }
            }
            String id = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (id.isEmpty()) {
                throw new IllegalStateException("gateway id file " + file + " is empty; delete it to make a new id");
            }
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the gateway id file " + file, e);
        }
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "gateway";
        }
    }
}
