package io.strongroom.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.secret.Lifecycle;
import io.strongroom.core.secret.SecretState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecodedCacheTest {
    private final DecodedCache<SecretState> decoded = new DecodedCache<>(StateCodec::decode);

    @Test
    void theSameBytesReuseTheDecodedState() {
        byte[] bytes = StateCodec.encode(state("s1", "first", 1));

        SecretState first = decoded.decode("s1", bytes);

        assertThat(decoded.decode("s1", bytes.clone())).isSameAs(first);
    }

    @Test
    void changedBytesAreDecodedAgainSoAReadIsNeverStale() {
        decoded.decode("s1", StateCodec.encode(state("s1", "first", 1)));

        SecretState changed = decoded.decode("s1", StateCodec.encode(state("s1", "second", 2)));

        assertThat(changed.description()).isEqualTo("second");
        assertThat(changed.seq()).isEqualTo(2);
    }

    @Test
    void eachSecretHasItsOwnEntry() {
        SecretState one = decoded.decode("s1", StateCodec.encode(state("s1", "one", 1)));
        SecretState two = decoded.decode("s2", StateCodec.encode(state("s2", "two", 1)));

        assertThat(decoded.decode("s1", StateCodec.encode(state("s1", "one", 1)))).isSameAs(one);
        assertThat(two.description()).isEqualTo("two");
    }

    @Test
    void aWrittenKeyIsForgottenSoTheValueItReplacedIsNotKeptAlive() {
        byte[] bytes = StateCodec.encode(state("s1", "first", 1));
        SecretState first = decoded.decode("s1", bytes);

        decoded.forget("s1");

        SecretState again = decoded.decode("s1", bytes);
        assertThat(again).isNotSameAs(first).isEqualTo(first);
        assertThat(decoded.decode("s1", bytes)).isSameAs(again);
    }

    @Test
    void forgettingAnUnknownKeyChangesNothing() {
        SecretState one = decoded.decode("s1", StateCodec.encode(state("s1", "one", 1)));

        decoded.forget("s2");

        assertThat(decoded.decode("s1", StateCodec.encode(state("s1", "one", 1)))).isSameAs(one);
    }

    @Test
    void aFullCacheStartsOverAndStillDecodes() {
        for (int i = 0; i <= DecodedCache.MAX_ENTRIES; i++) {
            decoded.decode("s" + i, StateCodec.encode(state("s" + i, "d", 1)));
        }

        assertThat(decoded.decode("s0", StateCodec.encode(state("s0", "again", 3))).description()).isEqualTo("again");
    }

    private static SecretState state(String secretId, String description, long seq) {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        return new SecretState(secretId, "111122223333", "us-east-1", "name-" + secretId, description, null, List.of(),
                t, t, null, null, Map.of(), seq, Lifecycle.ACTIVE);
    }
}
