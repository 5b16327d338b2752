package pownode.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import pownode.i18n.Language;
import pownode.i18n.Messages;
import pownode.node.NodeEvent;
import pownode.node.Role;
import pownode.protocol.Difficulty;

/** The scoreboard and the exit summary, from known events. */
class RunStatsTest {

    @Test
    void controllerEvents_winsAndSolveTimes() {
        RunStats stats = controllerRun();

        assertThat(stats.role()).isEqualTo(Role.CONTROLLER);
        assertThat(stats.acceptedResults()).isEqualTo(3);
        assertThat(stats.winsByClientId()).containsEntry(10, 2).containsEntry(20, 1).hasSize(2);
        assertThat(stats.solveTimesByChallenge().get(2).count()).isEqualTo(2);
        assertThat(stats.solveTimesByChallenge().get(2).meanSeconds()).isCloseTo(0.3, within(1e-9));
        assertThat(stats.solveTimesByChallenge().get(5).meanSeconds()).isCloseTo(4.0, within(1e-9));
        assertThat(stats.ownWins()).isZero();
    }

    @Test
    void rejectedResults_doNotCount() {
        RunStats stats = new RunStats(10);

        stats.record(new NodeEvent.ChallengeReceived(0, 2), 0);
        stats.record(new NodeEvent.ResultReceived(0, 10, "10:0:1", false), 100);

        assertThat(stats.acceptedResults()).isZero();
        assertThat(stats.winsByClientId()).isEmpty();
    }

    @Test
    void miningTime_addsStartedStretchesOnly() {
        RunStats stats = new RunStats(10);

        stats.miningStarted(1000);
        stats.miningStopped(1500);
        stats.miningStopped(1700);
        stats.miningStarted(2000);

        assertThat(stats.miningMillis(2250)).isEqualTo(750);
    }

    @Test
    void scoreboard_listsWinnersAndMeanTimes() {
        Presenter presenter = new Presenter(Messages.of(Language.EN), 30, Difficulty.HEX, "sd");

        String output;
        try (StandardOutput out = new StandardOutput()) {
            presenter.scoreboard(controllerRun());
            output = out.text();
        }

        assertThat(output).contains("Scoreboard after 3 accepted results (wins per ClientID):");
        assertThat(output).contains("  10: 2").contains("  20: 1");
        assertThat(output.indexOf("  10: 2")).as("most wins first").isLessThan(output.indexOf("  20: 1"));
        assertThat(output).contains("Challenge 2: solved in 0.30 s on average (rounds: 2)");
        assertThat(output).contains("Challenge 5: solved in 4.00 s on average (rounds: 1)");
    }

    @Test
    void summary_inPortuguese() {
        Presenter presenter = new Presenter(Messages.of(Language.PT), 10, Difficulty.HEX, "sd");
        RunStats stats = new RunStats(10);
        stats.record(new NodeEvent.LeaderElected(30, 900, 100, Role.MINER, 0), 0);
        stats.record(new NodeEvent.ChallengeReceived(0, 2), 0);
        stats.record(new NodeEvent.ResultReceived(0, 10, "10:0:1", true), 200);

        String output;
        try (StandardOutput out = new StandardOutput()) {
            presenter.summary(stats, 12_345_670, 10_000);
            output = out.text();
        }

        assertThat(output).contains("Resumo: minerador; resultados aceitos vistos: 1; vencidos por este nó: 1;");
        assertThat(output).contains("1.234.567 hashes/s");
    }

    @Test
    void summary_shortMiningGivesTimeInsteadOfRate() {
        Presenter presenter = new Presenter(Messages.of(Language.EN), 10, Difficulty.HEX, "sd");
        RunStats stats = new RunStats(10);
        stats.record(new NodeEvent.LeaderElected(30, 900, 100, Role.MINER, 0), 0);

        String output;
        try (StandardOutput out = new StandardOutput()) {
            presenter.summary(stats, 4096, 300);
            output = out.text();
        }

        assertThat(output).contains("Summary: miner; accepted results seen: 0; won by this node: 0;");
        assertThat(output).contains("mined for 0.3 s, too short for a meaningful hash rate");
        assertThat(output).doesNotContain("hashes/s");
    }

    @Test
    void summary_controllerWithoutHashRate() {
        Presenter presenter = new Presenter(Messages.of(Language.EN), 30, Difficulty.HEX, "sd");

        String output;
        try (StandardOutput out = new StandardOutput()) {
            presenter.summary(controllerRun(), 0, 0);
            output = out.text();
        }

        assertThat(output).contains("Summary: controller; accepted results published: 3. The controller does not mine.");
    }

    /** A controller (ClientID 30) that saw 10 win twice at Challenge 2 and 20 once at Challenge 5. */
    private static RunStats controllerRun() {
        RunStats stats = new RunStats(30);
        stats.record(new NodeEvent.LeaderElected(30, 900, 900, Role.CONTROLLER, 0), 0);
        stats.record(new NodeEvent.ChallengeIssued(0, 2), 1000);
        stats.record(new NodeEvent.ResultPublished(0, 10, "10:0:5", true, null), 1200);
        stats.record(new NodeEvent.ChallengeIssued(1, 2), 2000);
        stats.record(new NodeEvent.ResultPublished(1, 20, "20:1:7", false, pownode.node.RejectReason.INVALID_HASH), 2100);
        stats.record(new NodeEvent.ResultPublished(1, 10, "10:1:9", true, null), 2400);
        stats.record(new NodeEvent.ChallengeIssued(2, 5), 3000);
        stats.record(new NodeEvent.ResultPublished(2, 20, "20:2:3", true, null), 7000);
        return stats;
    }
}
