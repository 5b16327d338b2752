package pownode.node;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import pownode.protocol.ChallengeMessage;
import pownode.protocol.InitMessage;
import pownode.protocol.Message;
import pownode.protocol.Ranges;
import pownode.protocol.ResultMessage;
import pownode.protocol.SolutionMessage;
import pownode.protocol.Topic;
import pownode.protocol.VoteMessage;

/**
 * The state machine of one peer: discovery, election, then the controller or miner role.
 *
 * <p>It is pure: every input carries the current time of an injected monotonic clock in
 * milliseconds, randomness comes from the injected generator, and each call returns the
 * actions the runtime must carry out, in order. It is not thread-safe; one event loop
 * feeds it.
 */
public final class Node {
    /** Challenges and results kept while the election is still running, replayed to the miner role. */
    private static final int MAX_HELD_MESSAGES = 64;

    private final NodeConfig config;
    private final RandomGenerator random;
    private final Outbox outbox = new Outbox();
    private final Set<Integer> participants = new TreeSet<>();
    private final Map<Integer, Integer> votes = new TreeMap<>();
    private final ReplyLimiter initReplies = new ReplyLimiter();
    private final ReplyLimiter voteReplies = new ReplyLimiter();
    private final Deque<Message> heldForMiner = new ArrayDeque<>();
    private final TransactionTable table = new TransactionTable();

    private Phase phase = Phase.NEW;
    private int voteId = -1;
    private int leader = -1;
    private long nextRepublishAt;
    private int reportedForeignCount;
    private ControllerRole controller;
    private MinerRole miner;

    public Node(NodeConfig config, RandomGenerator random) {
        this.config = config;
        this.random = random;
    }

    /** Enters discovery: publishes this node's {@code init}. Call once, after subscribing. */
    public List<Action> start(long now) {
        requirePhase(Phase.NEW, Phase.DISCOVERY);
        phase = Phase.DISCOVERY;
        participants.add(config.clientId());
        publishInit(now);
        return outbox.drain();
    }

    public List<Action> onMessage(Message message, boolean retained, long now) {
        if (isFinished()) {
            return List.of();
        }
        if (retained) {
            outbox.ignored(message.topic(), IgnoredReason.RETAINED, message.toString());
            return outbox.drain();
        }
        if (message instanceof InitMessage init) {
            onInit(init, now);
        } else if (message instanceof VoteMessage vote) {
            onVote(vote, now);
        } else if (message instanceof ChallengeMessage challenge) {
            onChallenge(challenge, now);
        } else if (message instanceof SolutionMessage solution) {
            onSolution(solution, now);
        } else if (message instanceof ResultMessage result) {
            onResult(result, now);
        }
        sendDueReplies(now);
        return outbox.drain();
    }

    /** Advances timers: periodic re-publication and the controller's next challenge. */
    public List<Action> onTick(long now) {
        if (isFinished()) {
            return List.of();
        }
        if ((phase == Phase.DISCOVERY || phase == Phase.ELECTION) && now >= nextRepublishAt) {
            if (phase == Phase.DISCOVERY) {
                publishInit(now);
            } else {
                publishVote(now);
            }
        }
        if (phase == Phase.CONTROLLER) {
            controller.onTick(now);
        }
        sendDueReplies(now);
        return outbox.drain();
    }

    /** Handles a solution that this node's miner found for {@code transactionId}. */
    public List<Action> onSolutionFound(long transactionId, String solution, long hashes, long elapsedNanos) {
        if (phase == Phase.MINER && !isFinished()) {
            miner.onSolutionFound(transactionId, solution, hashes, elapsedNanos);
        }
        return outbox.drain();
    }

    public Phase phase() {
        return phase;
    }

    /** The elected leader's ClientID, or -1 before the election ends. */
    public int leader() {
        return leader;
    }

    /** This node's VoteID, or -1 before the election starts. */
    public int voteId() {
        return voteId;
    }

    public Set<Integer> participants() {
        return Set.copyOf(participants);
    }

    public TransactionTable table() {
        return table;
    }

    public boolean isFinished() {
        return (controller != null && controller.isFinished()) || (miner != null && miner.isFinished());
    }

    private void onInit(InitMessage init, long now) {
        int peer = init.clientId();
        if (peer == config.clientId()) {
            return;
        }
        boolean isNew = learn(peer);
        if (isNew || phase != Phase.DISCOVERY) {
            initReplies.requestFrom(peer, now);
        }
        completeDiscoveryIfReady(now);
    }

    private void onVote(VoteMessage vote, long now) {
        int peer = vote.clientId();
        if (peer == config.clientId()) {
            // TODO: a vote with this node's ClientID and another VoteID means a duplicate ClientID.
            return;
        }
        learn(peer);
        recordVote(vote);
        if (phase != Phase.DISCOVERY) {
            voteReplies.requestFrom(peer, now);
        }
        completeDiscoveryIfReady(now);
        completeElectionIfReady(now);
    }

    private void recordVote(VoteMessage vote) {
        Integer known = votes.get(vote.clientId());
        if (known == null) {
            if (phase == Phase.DISCOVERY || phase == Phase.ELECTION) {
                votes.put(vote.clientId(), vote.voteId());
                outbox.report(new NodeEvent.VoteReceived(vote.clientId(), vote.voteId()));
            }
        } else if (known != vote.voteId()) {
            outbox.ignored(Topic.VOTING, IgnoredReason.VOTE_CHANGED, vote.toString());
        }
    }

    private void onChallenge(ChallengeMessage challenge, long now) {
        switch (phase) {
            case CONTROLLER -> controller.onChallenge(challenge);
            case MINER -> miner.onChallenge(challenge);
            default -> hold(challenge);
        }
    }

    private void onSolution(SolutionMessage solution, long now) {
        if (phase == Phase.CONTROLLER) {
            controller.onSolution(solution, now);
        }
    }

    private void onResult(ResultMessage result, long now) {
        switch (phase) {
            case MINER -> miner.onResult(result);
            case CONTROLLER -> {
                // The controller's own results come back to it; it needs nothing from them.
            }
            default -> hold(result);
        }
    }

    private void hold(Message message) {
        if (heldForMiner.size() == MAX_HELD_MESSAGES) {
            heldForMiner.removeFirst();
        }
        heldForMiner.addLast(message);
    }

    /** Adds a peer to the known participants; returns true when it was new. */
    private boolean learn(int peer) {
        if (!participants.add(peer)) {
            return false;
        }
        outbox.report(new NodeEvent.ParticipantDiscovered(peer, participants.size(), config.expectedParticipants()));
        if (participants.size() > config.expectedParticipants() && participants.size() > reportedForeignCount) {
            reportedForeignCount = participants.size();
            outbox.report(new NodeEvent.TooManyParticipants(participants.size(), config.expectedParticipants()));
        }
        return true;
    }

    private void completeDiscoveryIfReady(long now) {
        if (phase == Phase.DISCOVERY && participants.size() >= config.expectedParticipants()) {
            becomeElection(now);
        }
    }

    private void becomeElection(long now) {
        requirePhase(Phase.DISCOVERY, Phase.ELECTION);
        phase = Phase.ELECTION;
        outbox.report(new NodeEvent.DiscoveryCompleted(List.copyOf(participants)));
        voteId = random.nextInt(Ranges.MAX_VOTE_ID + 1);
        votes.put(config.clientId(), voteId);
        outbox.report(new NodeEvent.VoteCast(voteId));
        publishVote(now);
        completeElectionIfReady(now);
    }

    private void completeElectionIfReady(long now) {
        if (phase != Phase.ELECTION || votes.size() < config.expectedParticipants()) {
            return;
        }
        leader = Election.leaderOf(votes);
        Role role = leader == config.clientId() ? Role.CONTROLLER : Role.MINER;
        outbox.report(new NodeEvent.LeaderElected(leader, votes.get(leader), voteId, role));
        if (role == Role.CONTROLLER) {
            becomeController(now);
        } else {
            becomeMiner();
        }
    }

    private void becomeController(long now) {
        requirePhase(Phase.ELECTION, Phase.CONTROLLER);
        phase = Phase.CONTROLLER;
        heldForMiner.clear();
        controller = new ControllerRole(config, random, table, outbox);
        controller.start(now);
    }

    private void becomeMiner() {
        requirePhase(Phase.ELECTION, Phase.MINER);
        phase = Phase.MINER;
        miner = new MinerRole(config, random, table, outbox);
        while (!heldForMiner.isEmpty() && !miner.isFinished()) {
            Message held = heldForMiner.removeFirst();
            if (held instanceof ChallengeMessage challenge) {
                miner.onChallenge(challenge);
            } else if (held instanceof ResultMessage result) {
                miner.onResult(result);
            }
        }
    }

    private void sendDueReplies(long now) {
        if (initReplies.isDue(now)) {
            publishInit(now);
        }
        if (voteId >= 0 && voteReplies.isDue(now)) {
            publishVote(now);
        }
    }

    private void publishInit(long now) {
        outbox.publish(new InitMessage(config.clientId()));
        initReplies.published(now);
        nextRepublishAt = now + config.republishIntervalMillis();
    }

    private void publishVote(long now) {
        outbox.publish(new VoteMessage(config.clientId(), voteId));
        voteReplies.published(now);
        nextRepublishAt = now + config.republishIntervalMillis();
    }

    private void requirePhase(Phase expected, Phase next) {
        if (phase != expected) {
            throw new IllegalStateException(
                    "node " + config.clientId() + " cannot go from " + phase + " to " + next
                            + ": only " + expected + " leads there");
        }
    }
}
