package io.strongroom.bench.scenario;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Secrets a scenario calls on, with their {@code {"SecretId": ...}} bodies built once. */
public final class SecretSet {
    private final List<String> names;
    private final byte[][] idBodies;

    public SecretSet(List<String> names) {
        this.names = List.copyOf(names);
        this.idBodies = names.stream().map(Bodies::secretId).toArray(byte[][]::new);
    }

    public int size() {
        return names.size();
    }

    public String name(int i) {
        return names.get(i);
    }

    /** The name the {@code sequence}-th call uses when calls go round the set. */
    public String roundRobin(long sequence) {
        return names.get((int) (sequence % names.size()));
    }

    public byte[] randomIdBody() {
        return idBodies[ThreadLocalRandom.current().nextInt(idBodies.length)];
    }

    public String randomName() {
        return names.get(ThreadLocalRandom.current().nextInt(names.size()));
    }
}
