package pownode.node;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import pownode.protocol.InitMessage;
import pownode.protocol.Message;
import pownode.protocol.VoteMessage;

/**
 * A peer modeled on simple Python peers of the lab: it publishes {@code init} once at start and
 * its vote once when it enters the election, reads {@code init} only during discovery, drops
 * votes that arrive before its own election, and never re-publishes anything.
 */
final class OneShotPeer implements FakeNetwork.Peer {
    private enum Phase { DISCOVERY, ELECTION, ELECTED }

    private final int clientId;
    private final int expectedParticipants;
    private final int voteId;
    private final Set<Integer> known = new TreeSet<>();
    private final Map<Integer, Integer> votes = new TreeMap<>();
    private Phase phase = Phase.DISCOVERY;
    private int droppedVotes;
    private int leader = -1;

    OneShotPeer(int clientId, int expectedParticipants, int voteId) {
        this.clientId = clientId;
        this.expectedParticipants = expectedParticipants;
        this.voteId = voteId;
    }

    @Override
    public int clientId() {
        return clientId;
    }

    @Override
    public List<Message> start(long now) {
        known.add(clientId);
        return List.of(new InitMessage(clientId));
    }

    @Override
    public List<Message> receive(Message message, long now) {
        if (message instanceof InitMessage init && phase == Phase.DISCOVERY) {
            known.add(init.clientId());
            if (known.size() >= expectedParticipants) {
                phase = Phase.ELECTION;
                votes.put(clientId, voteId);
                return List.of(new VoteMessage(clientId, voteId));
            }
        } else if (message instanceof VoteMessage vote) {
            onVote(vote);
        }
        return List.of();
    }

    @Override
    public List<Message> tick(long now) {
        return List.of();
    }

    private void onVote(VoteMessage vote) {
        if (phase == Phase.DISCOVERY) {
            droppedVotes++;
            return;
        }
        if (phase == Phase.ELECTION) {
            votes.put(vote.clientId(), vote.voteId());
            if (votes.size() >= expectedParticipants) {
                leader = Election.leaderOf(votes);
                phase = Phase.ELECTED;
            }
        }
    }

    /** Returns the leader this peer computed, or -1 before its election ends. */
    int leader() {
        return leader;
    }

    int droppedVotes() {
        return droppedVotes;
    }

    Set<Integer> known() {
        return Set.copyOf(known);
    }
}
