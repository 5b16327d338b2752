package pownode.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pownode.protocol.ChallengeMessage;
import pownode.protocol.Difficulty;
import pownode.protocol.InitMessage;
import pownode.protocol.Message;
import pownode.protocol.ResultMessage;
import pownode.protocol.SolutionMessage;
import pownode.protocol.VoteMessage;

/**
 * Scenarios of several nodes on an in-memory broker with a fake clock and scripted votes.
 * Challenges are hex 1..2, so the fake miner finds real SHA-1 solutions in a few hundred
 * candidates.
 */
class NodeScenarioTest {
    private static final long STEP = 100;
    private static final long NEXT_CHALLENGE_DELAY = 5000;
    private static final long SETTLE = 10_000;

    private FakeNetwork network;
    private SimulatedNode miner10;
    private SimulatedNode miner20;
    private SimulatedNode controller30;

    // ---- discovery and election ----

    @Test
    void happyPath_fourNodesElectAndMine() {
        // Four nodes start one after another; 20 and 40 tie on the highest vote, so 40 leads.
        network = new FakeNetwork();
        SimulatedNode n10 = new SimulatedNode(config(10, 4), 100, 1);
        SimulatedNode n20 = new SimulatedNode(config(20, 4), 900, 2);
        SimulatedNode n30 = new SimulatedNode(config(30, 4), 500, 3);
        SimulatedNode n40 = new SimulatedNode(config(40, 4), 900, 4);
        List<SimulatedNode> all = List.of(n10, n20, n30, n40);
        List<SimulatedNode> miners = List.of(n10, n20, n30);
        all.forEach(network::start);

        // Re-published inits reach the nodes that started late; everyone votes and elects 40.
        network.advance(3000, STEP);

        for (SimulatedNode node : all) {
            assertThat(node.node().leader()).as("leader seen by %d", node.clientId()).isEqualTo(40);
        }
        assertThat(n40.node().phase()).isEqualTo(Phase.CONTROLLER);
        for (SimulatedNode miner : miners) {
            assertThat(miner.node().phase()).as("phase of %d", miner.clientId()).isEqualTo(Phase.MINER);
        }

        // The controller issued TransactionID 0, and every miner started searching it.
        List<ChallengeMessage> challenges = n40.published(ChallengeMessage.class);
        assertThat(challenges).hasSize(1);
        ChallengeMessage first = challenges.get(0);
        assertThat(first.transactionId()).isZero();
        assertThat(first.challenge()).isBetween(1, 2);
        for (SimulatedNode miner : miners) {
            assertThat(miner.startMinings()).as("searches of %d", miner.clientId()).hasSize(1);
            Action.StartMining search = miner.startMinings().get(0);
            assertThat(search.transactionId()).isZero();
            assertThat(search.challenge()).isEqualTo(first.challenge());
            assertThat(search.prefix()).isEqualTo(miner.clientId() + ":0:");
        }

        // 30 finds a solution and publishes it; the controller accepts it with Result 1.
        network.publishAndDeliver(n30.solve());

        SolutionMessage proposal = n30.published(SolutionMessage.class).get(0);
        assertThat(proposal.clientId()).isEqualTo(30);
        assertThat(Difficulty.HEX.isMetBy(proposal.solution(), first.challenge())).isTrue();
        assertThat(n40.published(ResultMessage.class))
                .containsExactly(new ResultMessage(30, 0, proposal.solution(), ResultMessage.ACCEPTED));

        // Every miner recorded 30 as the winner and stopped mining.
        for (SimulatedNode miner : miners) {
            Transaction row = miner.node().table().get(0).orElseThrow();
            assertThat(row.winner()).as("winner seen by %d", miner.clientId()).isEqualTo(30);
            assertThat(row.solution()).isEqualTo(proposal.solution());
            assertThat(miner.search()).as("search of %d", miner.clientId()).isNull();
        }
        assertThat(n10.actions()).contains(new Action.StopMining());
        assertThat(n20.actions()).contains(new Action.StopMining());

        // Nothing new until the next-challenge delay has passed.
        network.advance(NEXT_CHALLENGE_DELAY - STEP, STEP);

        assertThat(n40.published(ChallengeMessage.class)).hasSize(1);

        // Then the controller issues TransactionID 1 and every miner searches it.
        network.advance(STEP, STEP);

        assertThat(n40.published(ChallengeMessage.class)).extracting(ChallengeMessage::transactionId)
                .containsExactly(0L, 1L);
        for (SimulatedNode miner : miners) {
            assertThat(miner.search()).as("search of %d", miner.clientId()).isNotNull();
            assertThat(miner.search().transactionId()).isEqualTo(1);
        }
        assertThat(n40.startMinings()).as("the leader never mines").isEmpty();
    }

    @Test
    void slowStarter_groupStillElects() {
        // Nodes 1 and 2 start and keep re-publishing init while they wait for a third participant.
        network = new FakeNetwork();
        SimulatedNode node1 = new SimulatedNode(config(1, 3), 100, 1);
        SimulatedNode node2 = new SimulatedNode(config(2, 3), 60_000, 2);
        network.start(node1);
        network.start(node2);
        network.advance(3000, STEP);

        assertThat(node1.node().phase()).isEqualTo(Phase.DISCOVERY);
        assertThat(node2.node().phase()).isEqualTo(Phase.DISCOVERY);

        // Peer 3 starts late: it publishes init once and missed every init published so far.
        OneShotPeer late = new OneShotPeer(3, 3, 300);
        int publishedBefore = network.publications().size();
        network.start(late);

        // Nodes 1 and 2 enter the election at once, so their first votes reach peer 3 during its
        // discovery and are dropped. They reply to its init with their own init and to its vote with their vote.
        network.advance(3000, STEP);

        assertThat(late.droppedVotes()).as("votes dropped by the late peer").isPositive();
        assertThat(late.known()).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(late.leader()).isEqualTo(2);
        assertThat(node1.node().leader()).isEqualTo(2);
        assertThat(node2.node().leader()).isEqualTo(2);
        List<Message> sinceLateStart = network.publications().subList(publishedBefore, network.publications().size());
        assertThat(sinceLateStart).contains(new InitMessage(1), new InitMessage(2),
                new VoteMessage(1, 100), new VoteMessage(2, 60_000));
        assertThat(sinceLateStart)
                .filteredOn(message -> message instanceof VoteMessage vote && vote.clientId() != 3)
                .as("votes of nodes 1 and 2: the first ones and the replies")
                .hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void election_keepsVotesArrivingBeforeOwnElection() {
        Node node = new Node(config(5, 3), new FixedVoteRandom(10, 1));
        node.start(0);

        // Peer 7 announces itself and votes while node 5 still waits for a third participant.
        node.onMessage(new InitMessage(7), false, 10);
        node.onMessage(new VoteMessage(7, 20), false, 20);

        assertThat(node.phase()).isEqualTo(Phase.DISCOVERY);

        // Peer 9's vote completes discovery and, with the kept vote of 7, the election.
        List<Action> actions = node.onMessage(new VoteMessage(9, 30), false, 30);

        assertThat(node.participants()).containsExactlyInAnyOrder(5, 7, 9);
        assertThat(node.leader()).isEqualTo(9);
        assertThat(node.phase()).isEqualTo(Phase.MINER);
        assertThat(actions).contains(new Action.Publish(new VoteMessage(5, 10)));
    }

    @Test
    void election_heldChallengeStartsMiningAfterElection() {
        Node node = new Node(config(5, 2), new FixedVoteRandom(10, 1));
        node.start(0);
        node.onMessage(new InitMessage(7), false, 10);

        // The leader's challenge overtakes its vote.
        List<Action> early = node.onMessage(new ChallengeMessage(0, 2), false, 20);

        assertThat(early).noneMatch(Action.StartMining.class::isInstance);

        // Its vote arrives: node 5 becomes a miner and starts on the held challenge.
        List<Action> actions = node.onMessage(new VoteMessage(7, 65_535), false, 30);

        assertThat(node.phase()).isEqualTo(Phase.MINER);
        assertThat(actions).filteredOn(Action.StartMining.class::isInstance)
                .extracting(action -> ((Action.StartMining) action).transactionId())
                .containsExactly(0L);
    }

    @Test
    void discovery_reportsTooManyParticipants() {
        Node node = new Node(config(5, 3), new FixedVoteRandom(10, 1));
        node.start(0);
        List<NodeEvent> events = new ArrayList<>();

        // Peers 6 and 7 complete the group; 8 and 9 belong to another group on the same topics.
        for (int peer = 6; peer <= 9; peer++) {
            events.addAll(reports(node.onMessage(new InitMessage(peer), false, peer * 10L)));
        }
        events.addAll(reports(node.onMessage(new InitMessage(9), false, 200)));

        assertThat(events).filteredOn(NodeEvent.TooManyParticipants.class::isInstance)
                .containsExactly(new NodeEvent.TooManyParticipants(4, 3), new NodeEvent.TooManyParticipants(5, 3));
    }

    @Test
    void retained_initAndVoteAreIgnored() {
        Node node = new Node(config(5, 2), new FixedVoteRandom(10, 1));
        node.start(0);

        List<Action> initActions = node.onMessage(new InitMessage(7), true, 10);
        List<Action> voteActions = node.onMessage(new VoteMessage(7, 99), true, 20);

        assertThat(node.phase()).isEqualTo(Phase.DISCOVERY);
        assertThat(node.participants()).containsExactly(5);
        assertThat(ignoredReasons(initActions)).containsExactly(IgnoredReason.RETAINED);
        assertThat(ignoredReasons(voteActions)).containsExactly(IgnoredReason.RETAINED);
        assertThat(initActions).hasSize(1);
        assertThat(voteActions).hasSize(1);
    }

    @Test
    void retained_challengeAndResultAreIgnored() {
        startThreeNodeGroup(0);
        Node miner = miner10.node();

        List<Action> challengeActions = miner.onMessage(new ChallengeMessage(5, 1), true, network.now());
        List<Action> resultActions = miner.onMessage(new ResultMessage(20, 0, "20:0:1", 1), true, network.now());

        assertThat(ignoredReasons(challengeActions)).containsExactly(IgnoredReason.RETAINED);
        assertThat(ignoredReasons(resultActions)).containsExactly(IgnoredReason.RETAINED);
        assertThat(challengeActions).hasSize(1);
        assertThat(resultActions).hasSize(1);
        assertThat(miner.table().get(5)).isEmpty();
        assertThat(miner.table().get(0).orElseThrow().isPending()).isTrue();
    }

    // ---- the controller's verdicts ----

    @Test
    void controller_rejectsInvalidHash() {
        startThreeNodeGroup(0);
        String wrong = invalidSolution(openChallenge(0), "77:0:", 1);

        network.inject(new SolutionMessage(77, 0, wrong));

        assertThat(controller30.published(ResultMessage.class))
                .containsExactly(new ResultMessage(77, 0, wrong, ResultMessage.REJECTED));
        assertThat(rejectReasons(controller30)).containsExactly(RejectReason.INVALID_HASH);
        assertThat(controller30.node().table().get(0).orElseThrow().isPending()).isTrue();
    }

    @Test
    void controller_rejectsUnknownTransaction() {
        startThreeNodeGroup(0);

        network.inject(new SolutionMessage(77, 42, "77:42:1"));

        assertThat(controller30.published(ResultMessage.class))
                .containsExactly(new ResultMessage(77, 42, "77:42:1", ResultMessage.REJECTED));
        assertThat(rejectReasons(controller30)).containsExactly(RejectReason.UNKNOWN_TRANSACTION);
    }

    @Test
    void controller_rejectsSecondSolutionOfSolvedTransaction() {
        startThreeNodeGroup(0);
        network.publishAndDeliver(miner10.solve());
        String second = validSolution(openChallenge(0), "77:0:");

        network.inject(new SolutionMessage(77, 0, second));

        assertThat(controller30.published(ResultMessage.class)).hasSize(2);
        assertThat(controller30.published(ResultMessage.class).get(1))
                .isEqualTo(new ResultMessage(77, 0, second, ResultMessage.REJECTED));
        assertThat(rejectReasons(controller30)).containsExactly(RejectReason.ALREADY_SOLVED);
        assertThat(controller30.node().table().get(0).orElseThrow().winner()).isEqualTo(10);
    }

    @Test
    void controller_rejectsReplayedSolution() {
        // Miner 10 wins TransactionID 0; then the next challenge opens TransactionID 1.
        startThreeNodeGroup(0);
        network.publishAndDeliver(miner10.solve());
        String accepted = controller30.published(ResultMessage.class).get(0).solution();
        network.advance(NEXT_CHALLENGE_DELAY, STEP);

        // Peer 77 replays the accepted Solution, for the solved and for the open transaction.
        network.inject(new SolutionMessage(77, 0, accepted));
        network.inject(new SolutionMessage(77, 1, accepted));

        assertThat(controller30.published(ResultMessage.class)).containsExactly(
                new ResultMessage(10, 0, accepted, ResultMessage.ACCEPTED),
                new ResultMessage(77, 0, accepted, ResultMessage.REJECTED),
                new ResultMessage(77, 1, accepted, ResultMessage.REJECTED));
        assertThat(rejectReasons(controller30))
                .containsExactly(RejectReason.REPLAYED_SOLUTION, RejectReason.REPLAYED_SOLUTION);
        assertThat(controller30.node().table().get(1).orElseThrow().isPending()).isTrue();
    }

    @Test
    void redeliveredRejection_answeredTwiceReportedOnce() {
        startThreeNodeGroup(0);
        String wrong = invalidSolution(openChallenge(0), "20:0:", 1);

        // QoS 1 may deliver the same proposal twice, for example when a reconnect resends it.
        network.inject(new SolutionMessage(20, 0, wrong));
        network.inject(new SolutionMessage(20, 0, wrong));

        // The controller replies to both, in case the first Result was lost, and reports the verdict once.
        assertThat(controller30.published(ResultMessage.class)).containsExactly(
                new ResultMessage(20, 0, wrong, ResultMessage.REJECTED),
                new ResultMessage(20, 0, wrong, ResultMessage.REJECTED));
        assertThat(rejectReasons(controller30)).containsExactly(RejectReason.INVALID_HASH);

        // Each miner reports the rejection once.
        for (SimulatedNode miner : List.of(miner10, miner20)) {
            assertThat(miner.events(NodeEvent.ResultReceived.class)).as("miner %d", miner.node().clientId())
                    .containsExactly(new NodeEvent.ResultReceived(0, 20, wrong, false));
        }
    }

    @Test
    void controller_ignoresWinnerSendingAgain() {
        // Miner 10 wins TransactionID 0.
        startThreeNodeGroup(0);
        network.publishAndDeliver(miner10.solve());
        String accepted = controller30.published(ResultMessage.class).get(0).solution();

        // The winner sends the same proposal again, as after a republished challenge.
        network.inject(new SolutionMessage(10, 0, accepted));

        assertThat(controller30.published(ResultMessage.class)).containsExactly(
                new ResultMessage(10, 0, accepted, ResultMessage.ACCEPTED));
        assertThat(rejectReasons(controller30)).isEmpty();
    }

    @Test
    void controller_rejectsLateSolutionDuringDelay() {
        // The broker loses everything for miner 20 while miner 10 wins TransactionID 0.
        startThreeNodeGroup(0);
        network.cutOff(20);
        network.publishAndDeliver(miner10.solve());
        network.reconnect(20);

        // A second later, still inside the next-challenge delay, miner 20 finds its own solution.
        network.advance(1000, STEP);
        network.publishAndDeliver(miner20.solve());

        // The controller replies with Result 0 and ClientID 20 before the next challenge.
        String late = miner20.published(SolutionMessage.class).get(0).solution();
        assertThat(controller30.published(ResultMessage.class)).hasSize(2);
        assertThat(controller30.published(ResultMessage.class).get(1))
                .isEqualTo(new ResultMessage(20, 0, late, ResultMessage.REJECTED));
        assertThat(rejectReasons(controller30)).containsExactly(RejectReason.ALREADY_SOLVED);
        assertThat(controller30.published(ChallengeMessage.class)).hasSize(1);
    }

    @Test
    void controller_ignoresForeignChallenge() {
        startThreeNodeGroup(0);

        network.inject(new ChallengeMessage(7, 1));

        assertThat(controller30.events(NodeEvent.InputIgnored.class))
                .extracting(NodeEvent.InputIgnored::reason)
                .containsExactly(IgnoredReason.CHALLENGE_WHILE_CONTROLLER);
        assertThat(controller30.startMinings()).isEmpty();
    }

    // ---- rounds ----

    @Test
    void tenRounds_everyMinerRestartsForEachTransaction() {
        startThreeNodeGroup(0);

        // Miners 10 and 20 take turns winning; each winner waits out the next-challenge delay.
        for (int round = 0; round < 10; round++) {
            SimulatedNode winner = round % 2 == 0 ? miner10 : miner20;
            network.publishAndDeliver(winner.solve());
            network.advance(NEXT_CHALLENGE_DELAY, STEP);
        }

        // Both miners started one search per TransactionID, 0 to 10, in order.
        Long[] expectedIds = LongStream.rangeClosed(0, 10).boxed().toArray(Long[]::new);
        assertThat(miner10.startMinings()).extracting(Action.StartMining::transactionId).containsExactly(expectedIds);
        assertThat(miner20.startMinings()).extracting(Action.StartMining::transactionId).containsExactly(expectedIds);
        assertThat(controller30.startMinings()).as("the leader never mines").isEmpty();

        // The controller's table has ten winners and an open eleventh row; the miners mirror it.
        List<Transaction> rows = controller30.node().table().rows();
        assertThat(rows).hasSize(11);
        for (int id = 0; id < 10; id++) {
            assertThat(rows.get(id).winner()).as("winner of %d", id).isEqualTo(id % 2 == 0 ? 10 : 20);
        }
        assertThat(rows.get(10).isPending()).isTrue();
        assertThat(miner10.node().table().rows()).isEqualTo(rows);
        assertThat(miner20.node().table().rows()).isEqualTo(rows);
    }

    @Test
    void miner_stopsAfterThreeOwnRejections() {
        startThreeNodeGroup(0);
        int challenge = openChallenge(0);

        // The first two wrong solutions are rejected, and miner 10 searches again each time.
        for (int attempt = 1; attempt <= 2; attempt++) {
            network.publishAndDeliver(miner10.reportSolution(0, invalidSolution(challenge, "10:0:", attempt)));

            assertThat(miner10.search()).as("search after rejection %d", attempt).isNotNull();
        }

        // The third rejection makes it give up on TransactionID 0.
        network.publishAndDeliver(miner10.reportSolution(0, invalidSolution(challenge, "10:0:", 3)));

        assertThat(miner10.search()).isNull();
        assertThat(miner10.events(NodeEvent.OwnSolutionRejected.class)).containsExactly(
                new NodeEvent.OwnSolutionRejected(0, true),
                new NodeEvent.OwnSolutionRejected(0, true),
                new NodeEvent.OwnSolutionRejected(0, false));
        assertThat(miner10.startMinings()).extracting(Action.StartMining::transactionId)
                .containsExactly(0L, 0L, 0L);
        assertThat(rejectReasons(controller30)).containsOnly(RejectReason.INVALID_HASH).hasSize(3);

        // Miner 20 was never rejected and kept its single search.
        assertThat(miner20.events(NodeEvent.OwnSolutionRejected.class)).isEmpty();
        assertThat(miner20.startMinings()).hasSize(1);
        assertThat(controller30.node().table().get(0).orElseThrow().isPending()).isTrue();
    }

    @Test
    void rounds_bothRolesFinishAfterTwoAcceptedResults() {
        startThreeNodeGroup(2);

        // Round one: no node finishes yet.
        network.publishAndDeliver(miner10.solve());
        network.advance(NEXT_CHALLENGE_DELAY, STEP);

        for (SimulatedNode node : List.of(miner10, miner20, controller30)) {
            assertThat(node.actions()).as("actions of %d", node.clientId()).noneMatch(Action.Finish.class::isInstance);
        }

        // Round two: the controller and both miners emit Finish(2).
        network.publishAndDeliver(miner20.solve());

        for (SimulatedNode node : List.of(miner10, miner20, controller30)) {
            assertThat(node.actions()).as("actions of %d", node.clientId()).contains(new Action.Finish(2));
            assertThat(node.node().isFinished()).isTrue();
        }
        assertThat(miner10.search()).isNull();
        assertThat(miner20.search()).isNull();

        // Finished nodes publish nothing more: no third challenge after the delay.
        int published = network.publications().size();
        network.advance(2 * NEXT_CHALLENGE_DELAY, STEP);

        assertThat(network.publications()).hasSize(published);
        assertThat(controller30.node().table().highestId()).isEqualTo(1);
    }

    // ---- re-publication ----

    @ParameterizedTest
    @ValueSource(longs = {0, 50, 300, 900, 2000})
    void replyLimiter_repliesDieOutAfterPeerReannounces(long latencyMillis) {
        // A settled group of three, on a broker with the given latency. Near 1 s and above,
        // a reply reaches the other nodes about when their quiet period for its sender ends.
        startThreeNodeGroup(0, latencyMillis);
        network.advance(SETTLE, STEP);
        int settled = network.publications().size();

        // Peer 10's init and vote arrive again, as if it had restarted.
        network.inject(new InitMessage(10));
        network.inject(new VoteMessage(10, 100));
        network.advance(3 * SETTLE, STEP);
        int afterReplies = network.publications().size();

        // The others replied, and then a minute of ticks produces no publication at all.
        network.advance(6 * SETTLE, STEP);

        assertThat(afterReplies).as("publications caused by the re-announcement").isGreaterThan(settled + 2);
        assertThat(network.publications()).as("publications after the replies").hasSize(afterReplies);
    }

    // ---- helpers ----

    private static NodeConfig config(int clientId, int participants) {
        return config(clientId, participants, 0);
    }

    private static NodeConfig config(int clientId, int participants, int rounds) {
        return new NodeConfig(clientId, participants, Difficulty.HEX, 1, 2, NEXT_CHALLENGE_DELAY, rounds,
                NodeConfig.DEFAULT_REPUBLISH_INTERVAL_MILLIS);
    }

    private void startThreeNodeGroup(int rounds) {
        startThreeNodeGroup(rounds, 0);
    }

    /** Starts miners 10 and 20 and controller 30 (the highest vote) and runs them until TransactionID 0 is open. */
    private void startThreeNodeGroup(int rounds, long latencyMillis) {
        network = new FakeNetwork(latencyMillis);
        miner10 = new SimulatedNode(config(10, 3, rounds), 100, 10);
        miner20 = new SimulatedNode(config(20, 3, rounds), 500, 20);
        controller30 = new SimulatedNode(config(30, 3, rounds), 900, 30);
        network.start(miner10);
        network.start(miner20);
        network.start(controller30);
        network.advance(3000 + 5 * latencyMillis, STEP);

        assertThat(controller30.node().phase()).as("precondition: 30 leads").isEqualTo(Phase.CONTROLLER);
        assertThat(miner10.search()).as("precondition: 10 mines").isNotNull();
        assertThat(miner20.search()).as("precondition: 20 mines").isNotNull();
    }

    private int openChallenge(long transactionId) {
        return controller30.node().table().get(transactionId).orElseThrow().challenge();
    }

    /** Returns the {@code nth} candidate {@code prefix + "wrong" + k} whose digest misses {@code challenge}. */
    private static String invalidSolution(int challenge, String prefix, int nth) {
        int found = 0;
        for (int k = 0; k < 10_000; k++) {
            String candidate = prefix + "wrong" + k;
            if (!Difficulty.HEX.isMetBy(candidate, challenge)) {
                found++;
                if (found == nth) {
                    return candidate;
                }
            }
        }
        throw new AssertionError("no invalid candidate found");
    }

    /** Returns the first candidate {@code prefix + counter} whose digest meets {@code challenge} in hex digits. */
    static String validSolution(int challenge, String prefix) {
        for (int counter = 0; counter < 1_000_000; counter++) {
            String candidate = prefix + counter;
            if (Difficulty.HEX.isMetBy(candidate, challenge)) {
                return candidate;
            }
        }
        throw new AssertionError("no valid candidate found");
    }

    private static List<RejectReason> rejectReasons(SimulatedNode controller) {
        return controller.events(NodeEvent.ResultPublished.class).stream()
                .filter(event -> !event.accepted())
                .map(NodeEvent.ResultPublished::reason)
                .toList();
    }

    private static List<NodeEvent> reports(List<Action> actions) {
        return actions.stream()
                .filter(Action.Report.class::isInstance)
                .map(action -> ((Action.Report) action).event())
                .toList();
    }

    private static List<IgnoredReason> ignoredReasons(List<Action> actions) {
        return reports(actions).stream()
                .filter(NodeEvent.InputIgnored.class::isInstance)
                .map(event -> ((NodeEvent.InputIgnored) event).reason())
                .toList();
    }
}
