package pownode.node;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import pownode.protocol.ChallengeMessage;
import pownode.protocol.InitMessage;
import pownode.protocol.Message;
import pownode.protocol.PresenceMessage;
import pownode.protocol.Ranges;
import pownode.protocol.ResultMessage;
import pownode.protocol.SolutionMessage;
import pownode.protocol.Topic;
import pownode.protocol.VoteMessage;

/**
 * The state machine of one peer: discovery, election, then the controller or miner role,
 * and a new election whenever the leader leaves.
 *
 * <p>It is pure: every input carries the current time of an injected monotonic clock in
 * milliseconds, randomness comes from the injected generator, and each call returns the
 * actions the runtime must carry out, in order. It is not thread-safe; one event loop
 * feeds it.
 */
public final class Node {
    /** Challenges and results kept while the election is still running, replayed to the miner role. */
    private static final int MAX_HELD_MESSAGES = 64;
    /** Interval at which a node stuck in discovery or an election reports what it waits for. */
    static final long WAITING_REPORT_MILLIS = 10_000;
    /** Departures this recent are taken back when the broker connection drops right after them. */
    static final long WILLS_BEFORE_OUTAGE_MILLIS = 3000;

    private final RandomGenerator random;
    private final Identity identity;
    private final Outbox outbox = new Outbox();
    private final Membership membership;
    private final Map<Integer, Integer> votes = new TreeMap<>();
    private final ReplyLimiter initReplies = new ReplyLimiter();
    private final ReplyLimiter voteReplies = new ReplyLimiter();
    private final ReplyLimiter presenceReplies = new ReplyLimiter();
    private final Deque<Message> heldForMiner = new ArrayDeque<>();
    private final TransactionTable table = new TransactionTable();
    private final Rounds rounds;

    private NodeConfig config;
    private Phase phase = Phase.NEW;
    private int election;
    private int voteId = -1;
    private int leader = -1;
    /**
     * The highest TransactionID named in peers' presences and votes. A restarted node's table
     * lacks it, and so does the table of a node that missed the last leader's last challenge.
     */
    private long highestTransactionHeard = -1;
    private long nextRepublishAt;
    /** When discovery or the current election last started or reported that it waits; -1 before start. */
    private long waitingSince = -1;
    /** True between a lost connection and the reconnect. Peers cannot reply then, so the node sends no waiting reports. */
    private boolean offline;
    private boolean aborted;
    private ControllerRole controller;
    private MinerRole miner;

    /** Creates a node whose session id comes from {@code random}, for tests that need no duplicate detection. */
    public Node(NodeConfig config, RandomGenerator random) {
        this(config, random, new Identity(HexFormat.of().toHexDigits(random.nextLong()), 0, false));
    }

    public Node(NodeConfig config, RandomGenerator random, Identity identity) {
        this.config = config;
        this.random = random;
        this.identity = identity;
        this.membership = new Membership(config.expectedParticipants());
        this.rounds = new Rounds(config.rounds());
    }

    /** Enters discovery: announces this node and publishes its {@code init}. Call once, after subscribing. */
    public List<Action> start(long now) {
        requirePhase(Phase.NEW, Phase.DISCOVERY);
        phase = Phase.DISCOVERY;
        waitingSince = now;
        membership.heardFrom(config.clientId(), new Outbox());
        publishPresence(now);
        publishInit(now);
        return outbox.drain();
    }

    /**
     * Announces this node again after the transport reconnected: peers may have taken the
     * broker's disconnect for a departure, and publications may have been lost.
     */
    public List<Action> onReconnected(long now) {
        offline = false;
        if (isFinished() || phase == Phase.NEW) {
            return List.of();
        }
        // Peers get a full interval to reply before this node reports that it still waits.
        waitingSince = now;
        publishPresence(now);
        if (phase == Phase.DISCOVERY) {
            publishInit(now);
        } else if (phase == Phase.ELECTION) {
            publishVote(now);
        } else if (phase == Phase.CONTROLLER) {
            // Miners that resubscribed before this node may have missed the open challenge. It is
            // republished after a pause, unless a peer's reply names a newer election first.
            controller.onReconnected(now);
        }
        return outbox.drain();
    }

    /**
     * Takes back the departures of the last {@link #WILLS_BEFORE_OUTAGE_MILLIS} when this
     * node loses the broker. Mosquitto 2.0 delivers the wills of clients that are still alive
     * while it shuts down. A node that counted them as gone would wait for fewer votes than its
     * peers and could elect another leader, so they count as live until they really leave.
     */
    public List<Action> onConnectionLost(long now) {
        offline = true;
        if (isFinished() || phase == Phase.NEW) {
            return List.of();
        }
        if (phase == Phase.CONTROLLER) {
            controller.onConnectionLost();
        }
        for (int peer : membership.departedSince(now - WILLS_BEFORE_OUTAGE_MILLIS)) {
            membership.revokeDeparture(peer, outbox);
        }
        return outbox.drain();
    }

    /** Announces that this node leaves, before a graceful disconnect. */
    public List<Action> leave() {
        outbox.publish(presence(false));
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
        } else if (message instanceof PresenceMessage presence) {
            onPresence(presence, now);
        } else if (message instanceof ChallengeMessage challenge) {
            onChallenge(challenge);
        } else if (message instanceof SolutionMessage solution) {
            onSolution(solution, now);
        } else if (message instanceof ResultMessage result) {
            onResult(result);
        }
        sendDueReplies(now);
        return outbox.drain();
    }

    /** Advances timers: periodic re-publication and the controller's next challenge. */
    public List<Action> onTick(long now) {
        if (isFinished()) {
            return List.of();
        }
        if (phase == Phase.DISCOVERY && now >= nextRepublishAt) {
            publishInit(now);
        } else if (phase == Phase.ELECTION && now >= nextRepublishAt) {
            publishVote(now);
        }
        if (phase == Phase.CONTROLLER) {
            controller.onTick(now);
        }
        reportWaitingIfDue(now);
        sendDueReplies(now);
        return outbox.drain();
    }

    /** Reports every {@link #WAITING_REPORT_MILLIS} which participants or votes discovery or an election still lacks. */
    private void reportWaitingIfDue(long now) {
        if (offline || (phase != Phase.DISCOVERY && phase != Phase.ELECTION)) {
            return;
        }
        if (waitingSince < 0 || now - waitingSince < WAITING_REPORT_MILLIS) {
            return;
        }
        waitingSince = now;
        if (phase == Phase.DISCOVERY) {
            outbox.report(new NodeEvent.StillWaiting(Phase.DISCOVERY, membership.knownCount(),
                    config.expectedParticipants(), List.of()));
            return;
        }
        List<Integer> missing = new ArrayList<>();
        for (int peer : membership.known()) {
            if (membership.isLive(peer) && !votes.containsKey(peer)) {
                missing.add(peer);
            }
        }
        outbox.report(new NodeEvent.StillWaiting(Phase.ELECTION, votes.size(), membership.votesNeeded(), missing));
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

    public int clientId() {
        return config.clientId();
    }

    /** Returns the elected leader's ClientID, or -1 while no election has ended. */
    public int leader() {
        return leader;
    }

    /** Returns the number of the current election, 0 for the first one. */
    public int election() {
        return election;
    }

    /** This node's VoteID in the current election, or -1 before it votes. */
    public int voteId() {
        return voteId;
    }

    public Set<Integer> participants() {
        return Set.copyOf(membership.known());
    }

    public TransactionTable table() {
        return table;
    }

    public boolean isFinished() {
        return aborted || (controller != null && controller.isFinished()) || (miner != null && miner.isFinished());
    }

    private void onInit(InitMessage init, long now) {
        int peer = init.clientId();
        if (peer == config.clientId()) {
            return;
        }
        boolean isNew = heardFrom(peer, now);
        if (isNew || phase != Phase.DISCOVERY) {
            initReplies.requestFrom(peer, now);
        }
        if (leader >= 0) {
            presenceReplies.requestFrom(peer, now);
        }
        completeDiscoveryIfReady(now);
    }

    private void onVote(VoteMessage vote, long now) {
        int peer = vote.clientId();
        if (peer == config.clientId()) {
            return;
        }
        heardFrom(peer, now);
        highestTransactionHeard = Math.max(highestTransactionHeard, vote.highestTransactionId());
        if (vote.election() > election && phase != Phase.DISCOVERY) {
            startElection(vote.election(), ElectionReason.NEWER_ELECTION, now);
        }
        if (vote.election() == election) {
            recordVote(vote);
        }
        if (phase != Phase.DISCOVERY) {
            if (voteId >= 0) {
                voteReplies.requestFrom(peer, now);
            } else if (leader >= 0) {
                // A node that adopted its leader has no vote to send, so it replies with its presence, which names the leader.
                presenceReplies.requestFrom(peer, now);
            }
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

    private void onPresence(PresenceMessage presence, long now) {
        int peer = presence.clientId();
        if (peer == config.clientId()) {
            // An offline presence under this ClientID is the late will of an earlier process, not a duplicate.
            if (presence.online() && !presence.session().equals(identity.session())) {
                onDuplicate(presence, now);
            }
            return;
        }
        if (!presence.online()) {
            if (membership.sessionOffline(peer, presence.session())) {
                onLeft(peer, now);
            }
            return;
        }
        membership.sessionOnline(peer, presence.session());
        heardFrom(peer, now);
        if (phase == Phase.CONTROLLER) {
            // A peer announces itself after it started or reconnected, and may have missed the open challenge.
            controller.republishOpenChallenge(now);
        }
        highestTransactionHeard = Math.max(highestTransactionHeard, presence.highestTransactionId());
        boolean newer = presence.election() > election;
        boolean sameButUndecided = presence.election() == election && leader < 0;
        if (presence.knowsLeader() && (newer || sameButUndecided)) {
            adoptLeader(presence.leader(), presence.election(), now);
        } else if (newer && phase != Phase.DISCOVERY) {
            // The group runs a newer election that this node missed while it was away: join it, as for a newer vote.
            startElection(presence.election(), ElectionReason.NEWER_ELECTION, now);
        } else if ((!presence.knowsLeader() && leader >= 0) || presence.election() < election) {
            // The peer has no leader yet, or follows an older election, as a leader does whose
            // link dropped while the others elected its successor. This node's presence names the current one.
            presenceReplies.requestFrom(peer, now);
        }
    }

    private void onLeft(int peer, long now) {
        if (!membership.left(peer, now, outbox)) {
            return;
        }
        if (phase == Phase.ELECTION) {
            votes.remove(peer);
            completeElectionIfReady(now);
        } else if (phase == Phase.MINER && peer == leader) {
            startElection(election + 1, ElectionReason.LEADER_LEFT, now);
        } else if (phase == Phase.CONTROLLER && membership.liveCount() <= 1) {
            outbox.report(new NodeEvent.NoMinersLeft());
        }
    }

    private void onDuplicate(PresenceMessage other, long now) {
        if (!identity.startedAfter(other.session(), other.startedAt())) {
            // The other process started later: reply with this node's presence so that it gives way.
            presenceReplies.requestFrom(other.clientId(), now);
            return;
        }
        int oldClientId = config.clientId();
        // Peers drop this session under the old ClientID. The earlier process replied with its
        // own presence, so they keep that ClientID live.
        outbox.publish(presence(false));
        if (identity.clientIdWasRandom() && phase == Phase.DISCOVERY) {
            int newClientId = drawUnusedClientId();
            config = config.withClientId(newClientId);
            membership.renamed(oldClientId, newClientId);
            outbox.report(new NodeEvent.DuplicateClientId(oldClientId, newClientId));
            publishPresence(now);
            publishInit(now);
            return;
        }
        outbox.report(new NodeEvent.DuplicateClientId(oldClientId, -1));
        outbox.stopMining();
        aborted = true;
        outbox.abort();
    }

    private int drawUnusedClientId() {
        int candidate;
        do {
            candidate = random.nextInt(Ranges.MAX_CLIENT_ID + 1);
        } while (membership.isKnown(candidate));
        return candidate;
    }

    private void onChallenge(ChallengeMessage challenge) {
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

    private void onResult(ResultMessage result) {
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

    /** Records a message from {@code peer}; returns true when the peer is new or came back. */
    private boolean heardFrom(int peer, long now) {
        boolean joined = membership.heardFrom(peer, outbox);
        if (joined && phase == Phase.CONTROLLER) {
            controller.republishOpenChallenge(now);
        }
        return joined;
    }

    private void completeDiscoveryIfReady(long now) {
        if (phase == Phase.DISCOVERY && membership.knownCount() >= config.expectedParticipants()) {
            outbox.report(new NodeEvent.DiscoveryCompleted(membership.known()));
            startElection(0, null, now);
        }
    }

    /**
     * Enters election number {@code number}: from discovery for the first election, and
     * from any later phase when the leader left or a peer votes in a newer election.
     */
    private void startElection(int number, ElectionReason reason, long now) {
        if (phase == Phase.NEW || (phase == Phase.ELECTION && number <= election)) {
            throw new IllegalStateException("node " + config.clientId() + " cannot start election " + number
                    + " in " + phase + " of election " + election);
        }
        if (phase == Phase.MINER) {
            outbox.stopMining();
        }
        if (number > 0) {
            outbox.report(new NodeEvent.ElectionStarted(number, reason));
        }
        phase = Phase.ELECTION;
        waitingSince = now;
        election = number;
        leader = -1;
        controller = null;
        miner = null;
        votes.keySet().removeIf(peer -> !membership.isLive(peer) || number > 0);
        voteId = random.nextInt(Ranges.MAX_VOTE_ID + 1);
        votes.put(config.clientId(), voteId);
        outbox.report(new NodeEvent.VoteCast(voteId));
        publishVote(now);
        completeElectionIfReady(now);
    }

    private void completeElectionIfReady(long now) {
        if (phase != Phase.ELECTION || votes.size() < membership.votesNeeded()) {
            return;
        }
        leader = Election.leaderOf(votes);
        Role role = leader == config.clientId() ? Role.CONTROLLER : Role.MINER;
        outbox.report(new NodeEvent.LeaderElected(leader, votes.get(leader), voteId, role, election));
        becomeRole(role, now);
    }

    /** Follows a leader that the group elected while this node was starting or away. */
    private void adoptLeader(int adopted, int number, long now) {
        if (adopted == config.clientId() && phase == Phase.DISCOVERY) {
            // The group still follows a leader that had this ClientID before a restart: this
            // process has none of its state, so the group elects again.
            election = number;
            startElection(number + 1, ElectionReason.LEADER_RESTARTED, now);
            return;
        }
        if (phase == Phase.MINER) {
            outbox.stopMining();
        }
        election = number;
        leader = adopted;
        // This node cast no vote in the adopted election, so it must not send one: its old VoteID
        // could make a peer still voting in that election count a different leader.
        voteId = -1;
        Role role = adopted == config.clientId() ? Role.CONTROLLER : Role.MINER;
        outbox.report(new NodeEvent.LeaderAdopted(adopted, number, role));
        phase = Phase.ELECTION;
        becomeRole(role, now);
    }

    private void becomeRole(Role role, long now) {
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
        miner = null;
        controller = new ControllerRole(config, random, table, outbox, rounds);
        controller.start(highestTransactionHeard);
        if (membership.liveCount() <= 1) {
            outbox.report(new NodeEvent.NoMinersLeft());
        }
    }

    private void becomeMiner() {
        requirePhase(Phase.ELECTION, Phase.MINER);
        phase = Phase.MINER;
        controller = null;
        miner = new MinerRole(config, random, table, outbox, rounds);
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
        if (presenceReplies.isDue(now)) {
            publishPresence(now);
        }
    }

    private void publishInit(long now) {
        outbox.publish(new InitMessage(config.clientId()));
        initReplies.published(now);
        nextRepublishAt = now + config.republishIntervalMillis();
    }

    private void publishVote(long now) {
        long highestTransaction = election > 0 ? Math.max(table.highestId(), highestTransactionHeard) : -1;
        outbox.publish(new VoteMessage(config.clientId(), voteId, election, highestTransaction));
        voteReplies.published(now);
        nextRepublishAt = now + config.republishIntervalMillis();
    }

    private void publishPresence(long now) {
        outbox.publish(presence(true));
        presenceReplies.published(now);
    }

    private PresenceMessage presence(boolean online) {
        if (!online) {
            return new PresenceMessage(config.clientId(), false, identity.session(), identity.startedAtMillis(),
                    election, -1);
        }
        long highestTransaction = Math.max(table.highestId(), highestTransactionHeard);
        return new PresenceMessage(config.clientId(), true, identity.session(), identity.startedAtMillis(),
                election, leader, highestTransaction);
    }

    private void requirePhase(Phase expected, Phase next) {
        if (phase != expected) {
            throw new IllegalStateException(
                    "node " + config.clientId() + " cannot go from " + phase + " to " + next
                            + ": only " + expected + " leads there");
        }
    }
}
