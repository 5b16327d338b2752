package pownode.node;

import java.util.ArrayList;
import java.util.List;
import pownode.protocol.Message;
import pownode.protocol.PresenceMessage;

/**
 * A {@link Node} on the {@link FakeNetwork} with a fake miner: it records every action, keeps
 * the running search, and finds real solutions on request by trying {@code prefix + counter}
 * from the search's first counter.
 */
final class SimulatedNode implements FakeNetwork.Peer {
    /** Candidates tried before giving up; a hex Challenge of 2 needs 256 on average. */
    private static final int MAX_CANDIDATES = 1_000_000;
    private static final long FAKE_SEARCH_NANOS = 1_000_000;

    private final Node node;
    private final NodeConfig config;
    private final Identity identity;
    private final List<Action> actions = new ArrayList<>();
    private Action.StartMining search;

    SimulatedNode(NodeConfig config, int voteId, long seed) {
        this(config, voteId, seed, new Identity("session-" + config.clientId() + "-" + seed, 0, false));
    }

    /** A node process with its own session and start time, for scenarios with restarts and duplicates. */
    SimulatedNode(NodeConfig config, int voteId, long seed, Identity identity) {
        this.config = config;
        this.identity = identity;
        this.node = new Node(config, new FixedVoteRandom(voteId, seed), identity);
    }

    Node node() {
        return node;
    }

    @Override
    public int clientId() {
        return config.clientId();
    }

    @Override
    public List<Message> start(long now) {
        return carryOut(node.start(now));
    }

    @Override
    public List<Message> receive(Message message, long now) {
        return carryOut(node.onMessage(message, false, now));
    }

    @Override
    public List<Message> tick(long now) {
        return carryOut(node.onTick(now));
    }

    /** Tells the node that its transport reconnected; returns what it publishes. */
    List<Message> reconnected(long now) {
        return carryOut(node.onReconnected(now));
    }

    /**
     * The last will that the broker publishes when this process vanishes: the offline
     * presence with the ClientID, session and start time it connected with.
     */
    PresenceMessage will() {
        return new PresenceMessage(config.clientId(), false, identity.session(), identity.startedAtMillis(), 0, -1);
    }

    /** Finds a valid solution of the running search and hands it to the node; returns what the node publishes. */
    List<Message> solve() {
        if (search == null) {
            throw new AssertionError("node " + clientId() + " is not mining");
        }
        Action.StartMining job = search;
        for (long counter = job.firstCounter(); counter < job.firstCounter() + MAX_CANDIDATES; counter++) {
            String candidate = job.prefix() + counter;
            if (config.difficulty().isMetBy(candidate, job.challenge())) {
                long hashes = counter - job.firstCounter() + 1;
                search = null;
                return carryOut(node.onSolutionFound(job.transactionId(), candidate, hashes, FAKE_SEARCH_NANOS));
            }
        }
        throw new AssertionError("no solution for " + job + " within " + MAX_CANDIDATES + " candidates");
    }

    /** Hands {@code solution} to the node as if its miner had found it, valid or not. */
    List<Message> reportSolution(long transactionId, String solution) {
        search = null;
        return carryOut(node.onSolutionFound(transactionId, solution, 1, FAKE_SEARCH_NANOS));
    }

    /** The running search, or null when the node last stopped mining or never started. */
    Action.StartMining search() {
        return search;
    }

    List<Action> actions() {
        return List.copyOf(actions);
    }

    List<Action.StartMining> startMinings() {
        return actions.stream()
                .filter(Action.StartMining.class::isInstance)
                .map(Action.StartMining.class::cast)
                .toList();
    }

    <T extends NodeEvent> List<T> events(Class<T> type) {
        return actions.stream()
                .filter(Action.Report.class::isInstance)
                .map(action -> ((Action.Report) action).event())
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    <T extends Message> List<T> published(Class<T> type) {
        return actions.stream()
                .filter(Action.Publish.class::isInstance)
                .map(action -> ((Action.Publish) action).message())
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    private List<Message> carryOut(List<Action> stepActions) {
        List<Message> toPublish = new ArrayList<>();
        for (Action action : stepActions) {
            actions.add(action);
            if (action instanceof Action.Publish publish) {
                toPublish.add(publish.message());
            } else if (action instanceof Action.StartMining start) {
                search = start;
            } else if (action instanceof Action.StopMining) {
                search = null;
            }
        }
        return toPublish;
    }
}
