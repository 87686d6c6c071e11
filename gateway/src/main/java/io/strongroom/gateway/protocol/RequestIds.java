package io.strongroom.gateway.protocol;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The {@code x-amzn-RequestId} of each request: a random (version 4) UUID, as AWS's are. It must be
 * unique, not secret, so it comes from {@link ThreadLocalRandom}: {@link UUID#randomUUID()} takes a
 * global lock and reads {@code /dev/urandom} (2% of a read's event-loop time).
 */
final class RequestIds {
    private RequestIds() {}

    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(high, low).toString();
    }
}
