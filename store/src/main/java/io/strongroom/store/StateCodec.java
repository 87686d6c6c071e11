package io.strongroom.store;

import io.strongroom.core.replication.ReplicaStatus;
import io.strongroom.core.replication.ReplicationState;
import io.strongroom.core.secret.Lifecycle;
import io.strongroom.core.secret.SecretState;
import io.strongroom.core.secret.SecretVersion;
import io.strongroom.core.secret.StagingLabels;
import io.strongroom.core.secret.Tag;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A secret state as the store keeps it: a compact binary record, not JSON. Every write re-encodes the
 * whole state of the secret it changes, and a busy secret has up to 100 versions: as JSON each version
 * cost ~150 bytes (its id twice, field names, a formatted date), and encoding states was the largest
 * single cost of a put in both stores and of a rebuild (profiled). Here a version is its id, its
 * creation instant and its labels, AWS's own labels one byte each.
 *
 * <p>Layout: a codec tag, then the fields in record order. Strings are UTF-8 after a varint of
 * length + 1 (0 is null); instants a presence byte, then epoch seconds and nanoseconds; lists a varint
 * count; enums their ordinal + 1 (0 is null). The versions map is keyed by each version's id, as the
 * fold keeps it.
 */
final class StateCodec {
    private static final byte TAG = 1;
    private static final byte CUSTOM_LABEL = 0;
    private static final List<String> AWS_LABELS =
            List.of(StagingLabels.CURRENT, StagingLabels.PREVIOUS, StagingLabels.PENDING);

    private StateCodec() {}

    static byte[] encode(SecretState s) {
        Writer out = new Writer(256 + 64 * s.versions().size());
        out.write(TAG);
        out.string(s.secretId());
        out.string(s.account());
        out.string(s.region());
        out.string(s.name());
        out.string(s.description());
        out.string(s.kmsKeyId());
        out.count(s.tags().size());
        for (Tag tag : s.tags()) {
            out.string(tag.key());
            out.string(tag.value());
        }
        out.instant(s.createdDate());
        out.instant(s.lastChangedDate());
        out.instant(s.deletedDate());
        out.instant(s.deletionDate());
        out.count(s.versions().size());
        for (SecretVersion version : s.versions().values()) {
            out.string(version.versionId());
            out.instant(version.createdDate());
            List<String> stages = version.stages();
            out.count(stages.size());
            for (int i = 0; i < stages.size(); i++) { // indexed: no iterator for each of up to 100 versions
                label(out, stages.get(i));
            }
        }
        out.longValue(s.seq());
        out.ordinal(s.lifecycle());
        out.string(s.resourcePolicy());
        out.string(s.primaryRegion());
        out.count(s.replicas().size());
        for (ReplicaStatus replica : s.replicas()) {
            out.string(replica.region());
            out.string(replica.kmsKeyId());
            out.ordinal(replica.status());
            out.string(replica.statusMessage());
            out.longValue(replica.ackedSeq());
        }
        return out.bytes();
    }

    static SecretState decode(byte[] bytes) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            byte tag = in.get();
            if (tag != TAG) {
                throw new StoreException("unknown state record tag " + tag, null);
            }
            return new SecretState(string(in), string(in), string(in), string(in), string(in), string(in),
                    tags(in), instant(in), instant(in), instant(in), instant(in), versions(in), in.getLong(),
                    ordinal(in, Lifecycle.values()), string(in), string(in), replicas(in));
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new StoreException("corrupt state record of " + bytes.length + " bytes", e);
        }
    }

    private static void label(Writer out, String label) {
        int aws = AWS_LABELS.indexOf(label);
        out.write((byte) (aws + 1));
        if (aws < 0) {
            out.string(label);
        }
    }

    private static List<Tag> tags(ByteBuffer in) {
        int count = count(in);
        List<Tag> tags = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            tags.add(new Tag(string(in), string(in)));
        }
        return tags;
    }

    private static Map<String, SecretVersion> versions(ByteBuffer in) {
        int count = count(in);
        Map<String, SecretVersion> versions = new LinkedHashMap<>(Math.max(16, count * 4 / 3 + 1));
        for (int i = 0; i < count; i++) {
            String versionId = string(in);
            Instant created = instant(in);
            String[] labels = new String[count(in)];
            for (int j = 0; j < labels.length; j++) {
                byte code = in.get();
                labels[j] = code == CUSTOM_LABEL ? string(in) : AWS_LABELS.get(code - 1);
            }
            versions.put(versionId, new SecretVersion(versionId, Arrays.asList(labels), created));
        }
        return versions;
    }

    private static List<ReplicaStatus> replicas(ByteBuffer in) {
        int count = count(in);
        List<ReplicaStatus> replicas = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            replicas.add(new ReplicaStatus(string(in), string(in), ordinal(in, ReplicationState.values()), string(in),
                    in.getLong()));
        }
        return replicas;
    }

    private static String string(ByteBuffer in) {
        int lengthPlusOne = count(in);
        if (lengthPlusOne == 0) {
            return null;
        }
        int length = lengthPlusOne - 1;
        String s = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return s;
    }

    private static Instant instant(ByteBuffer in) {
        return in.get() == 0 ? null : Instant.ofEpochSecond(in.getLong(), in.getInt());
    }

    private static <E extends Enum<E>> E ordinal(ByteBuffer in, E[] values) {
        int code = in.get();
        return code == 0 ? null : values[code - 1];
    }

    /** An unsigned varint (7 bits a byte, low first). */
    private static int count(ByteBuffer in) {
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            byte b = in.get();
            value |= (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("varint longer than 5 bytes");
    }

    /** A growing byte array: the record is built in one buffer and copied out once. */
    private static final class Writer {
        private byte[] buf;
        private int size;

        Writer(int capacity) {
            buf = new byte[capacity];
        }

        void write(byte b) {
            ensure(1);
            buf[size++] = b;
        }

        void count(int value) {
            ensure(5);
            int v = value;
            while ((v & ~0x7F) != 0) {
                buf[size++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[size++] = (byte) v;
        }

        void string(String s) {
            if (s == null) {
                count(0);
                return;
            }
            int length = s.length();
            if (isAscii(s)) {
                // Ids, names, regions and labels almost always are: copied as they are, without a temporary array.
                count(length + 1);
                ensure(length);
                for (int i = 0; i < length; i++) {
                    buf[size++] = (byte) s.charAt(i);
                }
                return;
            }
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            count(utf8.length + 1);
            ensure(utf8.length);
            System.arraycopy(utf8, 0, buf, size, utf8.length);
            size += utf8.length;
        }

        private static boolean isAscii(String s) {
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) >= 0x80) {
                    return false;
                }
            }
            return true;
        }

        void instant(Instant instant) {
            if (instant == null) {
                write((byte) 0);
                return;
            }
            write((byte) 1);
            longValue(instant.getEpochSecond());
            bigEndian(instant.getNano(), Integer.BYTES);
        }

        void longValue(long value) {
            bigEndian(value, Long.BYTES);
        }

        void ordinal(Enum<?> value) {
            write((byte) (value == null ? 0 : value.ordinal() + 1));
        }

        /** As ByteBuffer reads it back. */
        private void bigEndian(long value, int length) {
            ensure(length);
            for (int i = length - 1; i >= 0; i--) {
                buf[size++] = (byte) (value >>> (8 * i));
            }
        }

        byte[] bytes() {
            return Arrays.copyOf(buf, size);
        }

        private void ensure(int more) {
            if (size + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
            }
        }
    }
}
