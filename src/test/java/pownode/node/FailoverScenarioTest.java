package pownode.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import pownode.protocol.ChallengeMessage;
import pownode.protocol.Difficulty;
import pownode.protocol.InitMessage;
import pownode.protocol.PresenceMessage;
import pownode.protocol.ResultMessage;
import pownode.protocol.SolutionMessage;
import pownode.protocol.VoteMessage;

/**
 * Scenarios of nodes that leave, come back, join late or share a ClientID, on the in-memory
 * broker with a fake clock and scripted votes. A killed process is unsubscribed from the
 * network, and its last will (the offline presence) is injected where the broker would
 * publish it.
 */
class FailoverScenarioTest {
    private static final long STEP = 100;
    private static final long NEXT_CHALLENGE_DELAY = 5000;
    private static final long ELECTION_TIME = 3000;

    private FakeNetwork network;

    // ---- the leader leaves ----

    @Test
    void leaderOffline_survivorsElectSameNewLeader() {
        // Four nodes elect 40, the highest vote; miners 10 and 20 win TransactionIDs 0 and 1.
        List<SimulatedNode> group = fourNodesLedBy40();
        SimulatedNode n10 = group.get(0);
        SimulatedNode n20 = group.get(1);
        SimulatedNode n30 = group.get(2);
        SimulatedNode n40 = group.get(3);
        List<SimulatedNode> survivors = List.of(n10, n20, n30);
        network.publishAndDeliver(n10.solve());
        network.advance(NEXT_CHALLENGE_DELAY, STEP);
        network.publishAndDeliver(n20.solve());
        network.advance(NEXT_CHALLENGE_DELAY, STEP);

        assertThat(n40.node().phase()).as("precondition: 40 leads").isEqualTo(Phase.CONTROLLER);
        assertThat(n40.node().table().highestId()).as("precondition: TransactionID 2 is open").isEqualTo(2);

        // The leader's process dies while TransactionID 2 is open; the broker publishes its will.
        network.stop(n40);
        network.inject(n40.will());

        // Every survivor saw the leader leave and started election 1.
        for (SimulatedNode node : survivors) {
            assertThat(node.events(NodeEvent.ParticipantLeft.class)).as("departures seen by %d", node.clientId())
                    .containsExactly(new NodeEvent.ParticipantLeft(40, 3, 4));
            assertThat(node.events(NodeEvent.ElectionStarted.class)).as("elections started by %d", node.clientId())
                    .containsExactly(new NodeEvent.ElectionStarted(1, ElectionReason.LEADER_LEFT));
        }

        // The three votes of election 1 are enough: all survivors elect 30, the highest of them.
        network.advance(ELECTION_TIME, STEP);

        for (SimulatedNode node : survivors) {
            assertThat(node.node().election()).as("election of %d", node.clientId()).isEqualTo(1);
            assertThat(node.node().leader()).as("leader seen by %d", node.clientId()).isEqualTo(30);
            assertThat(node.events(NodeEvent.LeaderElected.class)).as("elections won, seen by %d", node.clientId())
                    .extracting(NodeEvent.LeaderElected::election, NodeEvent.LeaderElected::leader)
                    .containsExactly(tuple(0, 40), tuple(1, 30));
        }
        assertThat(n30.node().phase()).isEqualTo(Phase.CONTROLLER);
        assertThat(n30.published(VoteMessage.class)).filteredOn(vote -> vote.election() == 1)
                .as("votes of election 1 carry the highest TransactionID seen").first()
                .isEqualTo(new VoteMessage(30, 700, 1, 2));

        // The new controller continues above the highest TransactionID it had seen, and both miners follow.
        assertThat(n30.published(ChallengeMessage.class)).extracting(ChallengeMessage::transactionId)
                .containsExactly(3L);
        for (SimulatedNode miner : List.of(n10, n20)) {
            assertThat(miner.node().phase()).as("phase of %d", miner.clientId()).isEqualTo(Phase.MINER);
            assertThat(miner.search()).as("search of %d", miner.clientId()).isNotNull();
            assertThat(miner.search().transactionId()).isEqualTo(3);
        }

        // A round under the new controller: 10 wins TransactionID 3 on every survivor.
        network.publishAndDeliver(n10.solve());

        for (SimulatedNode node : survivors) {
            assertThat(node.node().table().get(3).orElseThrow().winner())
                    .as("winner of 3 seen by %d", node.clientId()).isEqualTo(10);
        }
        assertThat(n30.startMinings()).as("a miner that became the leader stops mining").last()
                .extracting(Action.StartMining::transactionId).isEqualTo(2L);
        assertThat(n30.search()).isNull();

        // TransactionID 2 stays the dead leader's: its Result may have been lost, so the new controller judges none of it.
        int oldChallenge = n30.node().table().get(2).orElseThrow().challenge();
        network.inject(new SolutionMessage(20, 2, NodeScenarioTest.validSolution(oldChallenge, "20:2:")));

        assertThat(n30.events(NodeEvent.ResultPublished.class)).last()
                .extracting(NodeEvent.ResultPublished::accepted, NodeEvent.ResultPublished::reason)
                .containsExactly(false, RejectReason.PREVIOUS_LEADER);
        assertThat(n30.node().table().get(2).orElseThrow().isPending()).isTrue();
    }

    @Test
    void willBeforeOwnOutage_departureTakenBack() {
        // Three nodes elect 30, the highest vote.
        network = new FakeNetwork();
        SimulatedNode n10 = new SimulatedNode(config(10, 3), 100, 10);
        SimulatedNode n20 = new SimulatedNode(config(20, 3), 500, 20);
        SimulatedNode n30 = new SimulatedNode(config(30, 3), 900, 30);
        List.of(n10, n20, n30).forEach(network::start);
        network.advance(ELECTION_TIME, STEP);
        long now = network.now();

        // A stopping broker hands the still-live leader's will to 10 only, then drops 10 itself.
        n10.receive(n30.will(), now);
        List<Action> actions = n10.node().onConnectionLost(now + 1);

        // 10 counts 30 as live again, so election 1 waits for the votes of all three nodes.
        assertThat(actions).contains(new Action.Report(new NodeEvent.DepartureRevoked(30, 3, 3)));
        assertThat(n10.node().election()).isEqualTo(1);
        n10.receive(new VoteMessage(20, 500, 1), now + 2);
        assertThat(n10.node().phase()).as("after two votes of three").isEqualTo(Phase.ELECTION);
        n10.receive(new VoteMessage(30, 900, 1), now + 3);
        assertThat(n10.node().leader()).as("leader after the third vote").isEqualTo(30);
    }

    @Test
    void newerElectionVote_controllerStepsDown() {
        Node node = fiveLeadsSevenInGroupOfTwo();

        // Peer 7 votes in election 1, for example because it lost the leader for a while.
        List<Action> actions = node.onMessage(new VoteMessage(7, 65_000, 1), false, 30);

        // Node 5 gives up the controller role, votes in election 1 and follows 7.
        assertThat(reports(actions)).containsSubsequence(
                new NodeEvent.ElectionStarted(1, ElectionReason.NEWER_ELECTION),
                new NodeEvent.LeaderElected(7, 65_000, 900, Role.MINER, 1));
        assertThat(actions).contains(new Action.Publish(new VoteMessage(5, 900, 1, 0)));
        assertThat(node.phase()).isEqualTo(Phase.MINER);
        assertThat(node.leader()).isEqualTo(7);

        // A former controller issues no challenge, even long after the next-challenge delay.
        List<Action> later = node.onTick(30 + 10 * NEXT_CHALLENGE_DELAY);

        assertThat(later).noneMatch(action -> action instanceof Action.Publish publish
                && publish.message() instanceof ChallengeMessage);
    }

    @Test
    void restartedLeader_groupElectsAgainAndContinues() {
        // Miners 10 and 20 and controller 30 finish TransactionID 0; TransactionID 1 is open.
        network = new FakeNetwork();
        SimulatedNode n10 = new SimulatedNode(config(10, 3), 100, 10);
        SimulatedNode n20 = new SimulatedNode(config(20, 3), 500, 20);
        SimulatedNode old30 = new SimulatedNode(config(30, 3), 900, 30, new Identity("old-30", 1000, false));
        List.of(n10, n20, old30).forEach(network::start);
        network.advance(ELECTION_TIME, STEP);
        network.publishAndDeliver(n10.solve());
        network.advance(NEXT_CHALLENGE_DELAY, STEP);

        assertThat(old30.node().table().highestId()).as("precondition: TransactionID 1 is open").isEqualTo(1);

        // The leader's process dies and restarts with the same --client-id before the broker
        // notices: the group still names 30 as its leader.
        network.stop(old30);
        SimulatedNode new30 = new SimulatedNode(config(30, 3), 900, 31, new Identity("new-30", 9000, false));
        network.start(new30);
        network.advance(ELECTION_TIME, STEP);

        // The new process has none of the old one's state, so it starts election 1 and the others join.
        assertThat(new30.events(NodeEvent.ElectionStarted.class))
                .containsExactly(new NodeEvent.ElectionStarted(1, ElectionReason.LEADER_RESTARTED));
        for (SimulatedNode miner : List.of(n10, n20)) {
            assertThat(miner.events(NodeEvent.ElectionStarted.class)).as("elections started by %d", miner.clientId())
                    .containsExactly(new NodeEvent.ElectionStarted(1, ElectionReason.NEWER_ELECTION));
        }
        for (SimulatedNode node : List.of(n10, n20, new30)) {
            assertThat(node.node().election()).as("election of %d", node.clientId()).isEqualTo(1);
            assertThat(node.node().leader()).as("leader seen by %d", node.clientId()).isEqualTo(30);
        }

        // The restarted leader continues above the TransactionIDs the group used, and the miners mine it.
        assertThat(new30.node().phase()).isEqualTo(Phase.CONTROLLER);
        assertThat(new30.published(ChallengeMessage.class)).extracting(ChallengeMessage::transactionId)
                .first().isEqualTo(2L);
        for (SimulatedNode miner : List.of(n10, n20)) {
            assertThat(miner.search()).as("search of %d", miner.clientId()).isNotNull();
            assertThat(miner.search().transactionId()).isEqualTo(2);
        }

        // The old process's will arrives late. It stops neither the new process nor the rounds.
        network.inject(old30.will());
        network.advance(ELECTION_TIME, STEP);

        assertThat(new30.node().isFinished()).as("the new 30 stopped").isFalse();
        assertThat(new30.events(NodeEvent.DuplicateClientId.class)).isEmpty();
        for (SimulatedNode node : List.of(n10, n20, new30)) {
            assertThat(node.node().leader()).as("leader seen by %d", node.clientId()).isEqualTo(30);
        }
        network.publishAndDeliver(n20.solve());

        assertThat(new30.published(ResultMessage.class)).last().extracting(ResultMessage::accepted).isEqualTo(true);
    }

    // ---- miners leave and come back ----

    @Test
    void lastMinerLeaves_controllerReportsNoMinersLeft() {
        ThreeNodes group = startThreeNodeGroup();

        // Miner 10 vanishes: the controller carries on with miner 20.
        network.stop(group.miner10);
        network.inject(group.miner10.will());

        assertThat(group.controller30.events(NodeEvent.ParticipantLeft.class))
                .containsExactly(new NodeEvent.ParticipantLeft(10, 2, 3));
        assertThat(group.controller30.events(NodeEvent.NoMinersLeft.class)).isEmpty();

        // Miner 20 vanishes too: the controller reports that no miner is left, and keeps leading.
        network.stop(group.miner20);
        network.inject(group.miner20.will());

        assertThat(group.controller30.events(NodeEvent.NoMinersLeft.class)).hasSize(1);
        assertThat(group.controller30.events(NodeEvent.ElectionStarted.class)).isEmpty();
        assertThat(group.controller30.node().phase()).isEqualTo(Phase.CONTROLLER);
    }

    @Test
    void departedMinerComesBack_isLiveAgain() {
        ThreeNodes group = startThreeNodeGroup();

        // The broker loses miner 10's connection and publishes its will.
        network.cutOff(10);
        network.inject(group.miner10.will());

        assertThat(group.controller30.events(NodeEvent.ParticipantLeft.class))
                .containsExactly(new NodeEvent.ParticipantLeft(10, 2, 3));

        // Miner 10 reconnects and announces itself: it is live again, and the controller
        // re-publishes the open challenge in case 10 missed it.
        network.reconnect(10);
        network.advance(ReplyLimiter.MIN_GAP_MILLIS, STEP);
        network.publishAndDeliver(group.miner10.reconnected(network.now()));

        assertThat(group.controller30.events(NodeEvent.ParticipantDiscovered.class)).last()
                .isEqualTo(new NodeEvent.ParticipantDiscovered(10, 3, 3));
        assertThat(group.controller30.published(ChallengeMessage.class)).hasSize(2);
        assertThat(group.controller30.published(ChallengeMessage.class)).allMatch(challenge -> challenge.transactionId() == 0);

        // Node 10 counts again: the leader leaving now makes 10 and 20 elect with both votes.
        network.stop(group.controller30);
        network.inject(group.controller30.will());
        network.advance(ELECTION_TIME, STEP);

        assertThat(group.miner10.node().leader()).isEqualTo(20);
        assertThat(group.miner20.node().leader()).isEqualTo(20);
        assertThat(group.miner20.node().phase()).isEqualTo(Phase.CONTROLLER);
    }

    @Test
    void leaderLinkDrops_reconnectedLeaderFollowsSuccessor() {
        ThreeNodes group = startThreeNodeGroup();

        // The leader's link drops: the broker publishes its will, and 10 and 20 elect a successor.
        network.cutOff(30);
        group.controller30.node().onConnectionLost(network.now());
        network.inject(group.controller30.will());
        network.advance(ELECTION_TIME, STEP);
        int successor = group.miner10.node().leader();

        assertThat(group.miner10.node().election()).as("precondition: election 1 decided").isEqualTo(1);
        assertThat(successor).as("precondition: a successor").isIn(10, 20);
        assertThat(group.miner20.node().leader()).as("precondition: agreement").isEqualTo(successor);
        assertThat(group.controller30.node().phase()).as("30 has not noticed").isEqualTo(Phase.CONTROLLER);

        // The link comes back, and 30 announces itself, still as the leader of election 0.
        int challengesBefore = group.controller30.published(ChallengeMessage.class).size();
        network.reconnect(30);
        network.publishAndDeliver(group.controller30.reconnected(network.now()));
        network.advance(ReplyLimiter.MIN_GAP_MILLIS * 2, STEP);

        // The others' presence replies name election 1 and its leader: 30 steps down and follows it.
        assertThat(group.controller30.node().election()).isEqualTo(1);
        assertThat(group.controller30.node().leader()).isEqualTo(successor);
        assertThat(group.controller30.node().phase()).isEqualTo(Phase.MINER);
        assertThat(group.controller30.events(NodeEvent.LeaderAdopted.class))
                .containsExactly(new NodeEvent.LeaderAdopted(successor, 1, Role.MINER));

        // Its pause after the reconnect kept it from republishing a challenge that could clash with the successor's.
        assertThat(group.controller30.published(ChallengeMessage.class)).hasSize(challengesBefore);
    }

    @Test
    void controllerOffline_holdsNextChallengeUntilPauseEnds() {
        ThreeNodes group = startThreeNodeGroup();
        network.publishAndDeliver(group.miner10.solve());

        // The controller loses the broker before its next challenge is due: it publishes nothing while offline.
        network.cutOff(30);
        group.controller30.node().onConnectionLost(network.now());
        network.advance(NEXT_CHALLENGE_DELAY * 2, STEP);

        assertThat(group.controller30.published(ChallengeMessage.class)).extracting(ChallengeMessage::transactionId)
                .containsExactly(0L);

        // Nothing either during the pause after the reconnect; then TransactionID 1 follows.
        network.reconnect(30);
        network.publishAndDeliver(group.controller30.reconnected(network.now()));
        network.advance(ControllerRole.RECONNECT_HOLD_MILLIS - STEP, STEP);

        assertThat(group.controller30.published(ChallengeMessage.class)).hasSize(1);

        network.advance(STEP * 2, STEP);

        assertThat(group.controller30.published(ChallengeMessage.class)).extracting(ChallengeMessage::transactionId)
                .containsExactly(0L, 1L);
        assertThat(group.miner20.search().transactionId()).isEqualTo(1);
    }

    @Test
    void adoptedLeader_answersVotesWithPresence() {
        // Four nodes elect 40, the highest vote.
        List<SimulatedNode> group = fourNodesLedBy40();
        SimulatedNode n10 = group.get(0);
        SimulatedNode n20 = group.get(1);
        SimulatedNode n30 = group.get(2);
        SimulatedNode n40 = group.get(3);
        long now = network.now();

        // Miner 30 hears the leader's will and votes in election 1 just as its own link and the leader's drop.
        n30.receive(n40.will(), now);
        network.cutOff(30);
        network.cutOff(40);
        n30.node().onConnectionLost(now);
        n40.node().onConnectionLost(now);
        network.inject(n40.will());
        network.inject(n30.will());
        network.advance(ELECTION_TIME, STEP);
        int successor = n10.node().leader();

        assertThat(n20.node().leader()).as("precondition: 10 and 20 agree").isEqualTo(successor);

        // The old leader comes back first and adopts the successor; it cast no vote in election 1.
        network.reconnect(40);
        network.publishAndDeliver(n40.reconnected(network.now()));
        network.advance(ControllerRole.RECONNECT_HOLD_MILLIS, STEP);

        assertThat(n40.node().leader()).as("old leader follows").isEqualTo(successor);

        // Miner 30 comes back still voting in election 1: the replies it gets name the successor, not 40's old vote.
        network.reconnect(30);
        network.publishAndDeliver(n30.reconnected(network.now()));
        network.advance(ELECTION_TIME, STEP);

        assertThat(n30.node().election()).isEqualTo(1);
        assertThat(n30.node().leader()).isEqualTo(successor);
        assertThat(n40.published(VoteMessage.class)).as("votes of 40").allMatch(vote -> vote.election() == 0);
    }

    @Test
    void newerElectionPresence_controllerJoinsIt() {
        Node node = fiveLeadsSevenInGroupOfTwo();

        // Peer 7 announces itself in election 1, still undecided: node 5 missed its start and joins it.
        node.onMessage(new PresenceMessage(7, true, "seven", 0, 1, -1, -1), false, 30);

        assertThat(node.phase()).isEqualTo(Phase.ELECTION);
        assertThat(node.election()).isEqualTo(1);
    }

    @Test
    void solutionLostInOutage_resentAfterReconnect() {
        ThreeNodes group = startThreeNodeGroup();

        // The controller is disconnected while miner 10 publishes its solution, which is lost for it.
        network.cutOff(30);
        network.publishAndDeliver(group.miner10.solve());
        network.reconnect(30);

        assertThat(group.controller30.published(ResultMessage.class)).isEmpty();

        // The controller reconnects and, after its pause, republishes the open challenge; miner 10 sends its solution again.
        network.publishAndDeliver(group.controller30.reconnected(network.now()));
        network.advance(ControllerRole.RECONNECT_HOLD_MILLIS + STEP, STEP);

        String solution = group.miner10.published(SolutionMessage.class).get(0).solution();
        assertThat(group.miner10.published(SolutionMessage.class)).hasSize(2)
                .allMatch(proposal -> proposal.solution().equals(solution));
        assertThat(group.controller30.published(ResultMessage.class))
                .containsExactly(new ResultMessage(10, 0, solution, ResultMessage.ACCEPTED));
        assertThat(group.miner20.node().table().get(0).orElseThrow().winner()).isEqualTo(10);
        assertThat(group.miner20.published(SolutionMessage.class)).isEmpty();
    }

    @Test
    void peerPresenceWithinGap_republishIsDeferred() {
        ThreeNodes group = startThreeNodeGroup();

        // Miner 10 reconnects: the controller republishes the open challenge at once.
        network.publishAndDeliver(group.miner10.reconnected(network.now()));

        assertThat(group.controller30.published(ChallengeMessage.class)).hasSize(2);

        // Miner 20 reconnects a moment later: its republish waits for the end of the gap instead of being dropped.
        network.advance(ReplyLimiter.MIN_GAP_MILLIS, STEP);
        network.publishAndDeliver(group.miner20.reconnected(network.now()));

        assertThat(group.controller30.published(ChallengeMessage.class)).hasSize(2);

        network.advance(ControllerRole.REPUBLISH_GAP_MILLIS, STEP);

        assertThat(group.controller30.published(ChallengeMessage.class)).hasSize(3)
                .allMatch(challenge -> challenge.transactionId() == 0);
    }

    // ---- joining late ----

    @Test
    void lateJoiner_adoptsLeaderFromPresence() {
        ThreeNodes group = startThreeNodeGroup();

        // Node 40 starts after the group elected 30; its vote would beat every other.
        SimulatedNode late = new SimulatedNode(config(40, 3), 65_535, 40);
        network.start(late);
        network.advance(ELECTION_TIME, STEP);

        // It learned the leader from the presence replies and became a miner without voting.
        assertThat(late.events(NodeEvent.LeaderAdopted.class))
                .containsExactly(new NodeEvent.LeaderAdopted(30, 0, Role.MINER));
        assertThat(late.events(NodeEvent.VoteCast.class)).isEmpty();
        assertThat(late.node().phase()).isEqualTo(Phase.MINER);
        for (SimulatedNode node : List.of(group.miner10, group.miner20, group.controller30)) {
            assertThat(node.node().leader()).as("leader seen by %d", node.clientId()).isEqualTo(30);
            assertThat(node.node().election()).as("election of %d", node.clientId()).isZero();
        }

        // The controller re-published the open challenge, so the newcomer mines it and can win.
        assertThat(late.search()).isNotNull();
        assertThat(late.search().transactionId()).isZero();
        network.publishAndDeliver(late.solve());

        assertThat(group.controller30.node().table().get(0).orElseThrow().winner()).isEqualTo(40);
        assertThat(late.node().table().get(0).orElseThrow().winner()).isEqualTo(40);
    }

    // ---- duplicate ClientIDs ----

    @Test
    void duplicateFixedClientId_laterProcessAborts() {
        // This process started at 2000 with --client-id 7; another one with ClientID 7 started at 1000.
        Node later = new Node(config(7, 3), new FixedVoteRandom(10, 1), new Identity("later", 2000, false));
        later.start(2000);

        List<Action> actions = later.onMessage(new PresenceMessage(7, true, "earlier", 1000, 0, -1), false, 2100);

        // It stops, and first withdraws its session, so peers keep counting the earlier process.
        assertThat(reports(actions)).contains(new NodeEvent.DuplicateClientId(7, -1));
        assertThat(actions).contains(new Action.Publish(new PresenceMessage(7, false, "later", 2000, 0, -1)));
        assertThat(actions).last().isEqualTo(new Action.Abort());
        assertThat(later.isFinished()).isTrue();
        assertThat(later.onMessage(new InitMessage(8), false, 2200)).isEmpty();
    }

    @Test
    void duplicateClientId_earlierProcessKeepsRunning() {
        Node earlier = new Node(config(7, 3), new FixedVoteRandom(10, 1), new Identity("earlier", 1000, false));
        earlier.start(1000);

        // The later process announces itself. The earlier one replies with its own presence, so the later one gives way.
        List<Action> actions = earlier.onMessage(new PresenceMessage(7, true, "later", 2000, 0, -1), false, 2000);

        assertThat(actions).noneMatch(Action.Abort.class::isInstance);
        assertThat(actions).contains(new Action.Publish(new PresenceMessage(7, true, "earlier", 1000, 0, -1)));
        assertThat(earlier.isFinished()).isFalse();
        assertThat(earlier.clientId()).isEqualTo(7);
    }

    @Test
    void duplicateRandomClientId_redrawsInDiscovery() {
        Node later = new Node(config(7, 3), new FixedVoteRandom(10, 1), new Identity("later", 2000, true));
        later.start(2000);

        List<Action> actions = later.onMessage(new PresenceMessage(7, true, "earlier", 1000, 0, -1), false, 2100);

        // It withdraws its session under ClientID 7, draws another ClientID and announces itself under it.
        int redrawn = later.clientId();
        assertThat(redrawn).isNotEqualTo(7);
        assertThat(reports(actions)).containsExactly(new NodeEvent.DuplicateClientId(7, redrawn));
        assertThat(actions).containsSubsequence(
                new Action.Publish(new PresenceMessage(7, false, "later", 2000, 0, -1)),
                new Action.Publish(new PresenceMessage(redrawn, true, "later", 2000, 0, -1)),
                new Action.Publish(new InitMessage(redrawn)));
        assertThat(actions).noneMatch(Action.Abort.class::isInstance);
        assertThat(later.participants()).contains(redrawn);
        assertThat(later.isFinished()).isFalse();
    }

    @Test
    void duplicateRandomClientId_abortsAfterDiscovery() {
        // A random ClientID is kept once peers know it: past discovery, the later process stops.
        Node later = new Node(config(7, 2), new FixedVoteRandom(10, 1), new Identity("later", 2000, true));
        later.start(2000);
        later.onMessage(new InitMessage(8), false, 2010);

        assertThat(later.phase()).as("precondition: past discovery").isEqualTo(Phase.ELECTION);

        List<Action> actions = later.onMessage(new PresenceMessage(7, true, "earlier", 1000, 0, -1), false, 2100);

        assertThat(reports(actions)).contains(new NodeEvent.DuplicateClientId(7, -1));
        assertThat(actions).contains(new Action.Abort());
        assertThat(later.clientId()).isEqualTo(7);
    }

    // ---- helpers ----

    private record ThreeNodes(SimulatedNode miner10, SimulatedNode miner20, SimulatedNode controller30) {
    }

    /** Starts nodes 10, 20, 30 and 40 on a new network; 40 has the highest vote and leads. */
    private List<SimulatedNode> fourNodesLedBy40() {
        network = new FakeNetwork();
        List<SimulatedNode> group = List.of(
                new SimulatedNode(config(10, 4), 100, 10),
                new SimulatedNode(config(20, 4), 500, 20),
                new SimulatedNode(config(30, 4), 700, 30),
                new SimulatedNode(config(40, 4), 900, 40));
        group.forEach(network::start);
        network.advance(ELECTION_TIME, STEP);
        return group;
    }

    /** Returns node 5 leading a group of two with peer 7, because its vote is the higher one. */
    private static Node fiveLeadsSevenInGroupOfTwo() {
        Node node = new Node(config(5, 2), new FixedVoteRandom(900, 1));
        node.start(0);
        node.onMessage(new InitMessage(7), false, 10);
        node.onMessage(new VoteMessage(7, 100), false, 20);
        assertThat(node.phase()).as("precondition: 5 leads").isEqualTo(Phase.CONTROLLER);
        return node;
    }

    private static NodeConfig config(int clientId, int participants) {
        return new NodeConfig(clientId, participants, Difficulty.HEX, 1, 2, NEXT_CHALLENGE_DELAY, 0,
                NodeConfig.DEFAULT_REPUBLISH_INTERVAL_MILLIS);
    }

    /** Starts miners 10 and 20 and controller 30 (the highest vote) and runs them until TransactionID 0 is open. */
    private ThreeNodes startThreeNodeGroup() {
        network = new FakeNetwork();
        ThreeNodes group = new ThreeNodes(
                new SimulatedNode(config(10, 3), 100, 10),
                new SimulatedNode(config(20, 3), 500, 20),
                new SimulatedNode(config(30, 3), 900, 30));
        network.start(group.miner10);
        network.start(group.miner20);
        network.start(group.controller30);
        network.advance(ELECTION_TIME, STEP);

        assertThat(group.controller30.node().phase()).as("precondition: 30 leads").isEqualTo(Phase.CONTROLLER);
        assertThat(group.miner10.search()).as("precondition: 10 mines").isNotNull();
        assertThat(group.miner20.search()).as("precondition: 20 mines").isNotNull();
        return group;
    }

    private static List<NodeEvent> reports(List<Action> actions) {
        return actions.stream()
                .filter(Action.Report.class::isInstance)
                .map(action -> ((Action.Report) action).event())
                .toList();
    }
}
