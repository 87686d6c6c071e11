package io.strongroom.replicator.delta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChunksTest {
    @Test
    void groups_are_packed_in_order_below_the_limit() {
        List<List<Integer>> chunks = Chunks.of(List.of(List.of(1, 2), List.of(3), List.of(4, 5), List.of(6)),
                List::size, 3);

        assertThat(chunks).containsExactly(List.of(1, 2, 3), List.of(4, 5, 6));
    }

    @Test
    void a_group_is_never_split_and_a_large_one_travels_alone() {
        List<List<Integer>> chunks = Chunks.of(List.of(List.of(1), List.of(2, 3, 4, 5), List.of(6)), List::size, 3);

        assertThat(chunks).containsExactly(List.of(1), List.of(2, 3, 4, 5), List.of(6));
    }

    @Test
    void nothing_to_send_gives_no_chunk() {
        assertThat(Chunks.of(List.<List<Integer>>of(List.of()), List::size, 3)).isEmpty();
    }
}
