package pownode.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import pownode.protocol.Difficulty;
import pownode.protocol.InitMessage;
import pownode.protocol.VoteMessage;

/** A node stuck in discovery or an election reports every ten seconds what it waits for. */
class WaitingReportTest {

    @Test
    void discovery_reportsKnownCountAfterInterval() {
        Node node = new Node(config(5, 3), new SplittableRandom(1));
        node.start(0);

        List<Action> early = node.onTick(Node.WAITING_REPORT_MILLIS - 1);
        List<Action> due = node.onTick(Node.WAITING_REPORT_MILLIS);

        assertThat(early).noneMatch(WaitingReportTest::isWaitingReport);
        assertThat(due).contains(new Action.Report(new NodeEvent.StillWaiting(Phase.DISCOVERY, 1, 3, List.of())));
    }

    @Test
    void election_namesPeersWithoutVote() {
        Node node = new Node(config(5, 3), new SplittableRandom(1));
        node.start(0);
        node.onMessage(new InitMessage(7), false, 10);
        node.onMessage(new InitMessage(9), false, 20);
        node.onMessage(new VoteMessage(7, 100), false, 30);

        List<Action> due = node.onTick(20 + Node.WAITING_REPORT_MILLIS);

        assertThat(node.phase()).isEqualTo(Phase.ELECTION);
        assertThat(due).contains(new Action.Report(new NodeEvent.StillWaiting(Phase.ELECTION, 2, 3, List.of(9))));
    }

    @Test
    void offline_reportsNothingUntilIntervalAfterReconnect() {
        Node node = new Node(config(5, 3), new SplittableRandom(1));
        node.start(0);
        node.onConnectionLost(1_000);

        List<Action> whileOffline = node.onTick(3 * Node.WAITING_REPORT_MILLIS);
        node.onReconnected(3 * Node.WAITING_REPORT_MILLIS);
        List<Action> early = node.onTick(4 * Node.WAITING_REPORT_MILLIS - 1);
        List<Action> due = node.onTick(4 * Node.WAITING_REPORT_MILLIS);

        assertThat(whileOffline).noneMatch(WaitingReportTest::isWaitingReport);
        assertThat(early).noneMatch(WaitingReportTest::isWaitingReport);
        assertThat(due).anyMatch(WaitingReportTest::isWaitingReport);
    }

    private static boolean isWaitingReport(Action action) {
        return action instanceof Action.Report report && report.event() instanceof NodeEvent.StillWaiting;
    }

    private static NodeConfig config(int clientId, int participants) {
        return new NodeConfig(clientId, participants, Difficulty.HEX, 1, 2, 1000, 0,
                NodeConfig.DEFAULT_REPUBLISH_INTERVAL_MILLIS);
    }
}
