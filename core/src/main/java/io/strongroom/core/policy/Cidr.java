package io.strongroom.core.policy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * CIDR containment for IpAddress / NotIpAddress, IPv4 and IPv6. Only literal addresses are read
 * (never a host name: that would be a DNS lookup inside the pure core).
 */
final class Cidr {
    private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.]+");

    private Cidr() {}

    static boolean contains(String cidr, String address) {
        String[] parts = cidr.trim().split("/", 2);
        byte[] network = literal(parts[0]);
        byte[] candidate = literal(address.trim());
        if (network == null || candidate == null || network.length != candidate.length) {
            return false;
        }
        int bits;
        try {
            bits = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
        } catch (NumberFormatException e) {
            return false;
        }
        if (bits < 0 || bits > network.length * 8) {
            return false;
        }
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >> (i % 8);
            if ((network[i / 8] & mask) != (candidate[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    static boolean isValid(String cidr) {
        String[] parts = cidr.trim().split("/", 2);
        return literal(parts[0]) != null && (parts.length == 1 || parts[1].matches("\\d{1,3}"));
    }

    private static byte[] literal(String text) {
        if (text.isEmpty() || !LITERAL.matcher(text).matches() || !text.contains(":") && !text.matches("[\\d.]+")) {
            return null;
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
