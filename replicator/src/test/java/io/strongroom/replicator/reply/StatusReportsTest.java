package io.strongroom.replicator.reply;

import static org.assertj.core.api.Assertions.assertThat;

import io.strongroom.core.replication.ReplicationState;
import org.junit.jupiter.api.Test;

class StatusReportsTest {
    final StatusReports reports = new StatusReports();

    @Test
    void several_reports_about_one_secret_become_one() {
        reports.offer(report("a", 3, ReplicationState.IN_SYNC));
        reports.offer(report("a", 4, ReplicationState.IN_SYNC));
        reports.offer(report("b", 1, ReplicationState.FAILED));

        assertThat(reports.drain()).containsExactly(report("a", 4, ReplicationState.IN_SYNC),
                report("b", 1, ReplicationState.FAILED));
        assertThat(reports.isEmpty()).isTrue();
    }

    @Test
    void a_late_report_of_a_lower_sequence_does_not_hide_a_newer_one() {
        reports.offer(report("a", 5, ReplicationState.IN_SYNC));
        reports.offer(report("a", 4, ReplicationState.FAILED));

        assertThat(reports.drain()).containsExactly(report("a", 5, ReplicationState.IN_SYNC));
    }

    static StatusReports.Report report(String secretId, long seq, ReplicationState status) {
        return new StatusReports.Report("acct/" + secretId, "acct", secretId, secretId, seq, status, null);
    }
}
