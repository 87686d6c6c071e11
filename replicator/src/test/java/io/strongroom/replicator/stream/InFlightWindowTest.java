package io.strongroom.replicator.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class InFlightWindowTest {
    final InFlightWindow window = new InFlightWindow();

    @Test
    void records_that_send_nothing_are_committable_at_once() {
        window.read(0, 10);
        window.read(0, 11);

        assertThat(window.committable()).isEqualTo(Map.of(0, 12L));
    }

    @Test
    void the_position_stops_at_the_lowest_unanswered_record_even_when_later_ones_are_answered() {
        read(0, 10, "a");
        read(0, 11, "b");
        read(0, 12, "c");

        window.answered("b");
        window.answered("c");
        assertThat(window.committable()).isEqualTo(Map.of(0, 10L));

        window.answered("a");
        assertThat(window.committable()).isEqualTo(Map.of(0, 13L));
    }

    @Test
    void partitions_advance_independently() {
        read(0, 5, "a");
        read(1, 7, "b");

        window.answered("b");

        assertThat(window.committable()).isEqualTo(Map.of(0, 5L, 1, 8L));
    }

    @Test
    void a_follow_up_command_keeps_its_record_held_until_it_is_answered_too() {
        read(0, 3, "delta");
        window.answered("delta");
        window.await(command("replay", 0, 3));
        window.read(0, 4);

        assertThat(window.committable()).isEqualTo(Map.of(0, 3L));
        assertThat(window.heldRecords()).isEqualTo(1);

        window.answered("replay");
        assertThat(window.committable()).isEqualTo(Map.of(0, 5L));
    }

    @Test
    void an_answer_to_a_command_not_waited_for_is_ignored() {
        read(0, 1, "a");

        assertThat(window.answered("someone-elses")).isEmpty();
        assertThat(window.isWaitingFor("a")).isTrue();
    }

    @Test
    void clearing_forgets_everything_so_the_stream_reads_again_from_its_commit() {
        read(0, 1, "a");

        window.clear();

        assertThat(window.isEmpty()).isTrue();
        assertThat(window.committable()).isEmpty();
    }

    private void read(int partition, long offset, String commandId) {
        window.read(partition, offset);
        window.await(command(commandId, partition, offset));
    }

    static PendingCommand command(String id, int partition, long offset) {
        return new PendingCommand(id, PendingCommand.Kind.DELTA, partition, offset, "acct/app", "acct", "s", "app",
                1, 1, null, 1);
    }
}
