package pownode.node;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The ClientIDs a node has heard of, and which of them have left. */
final class Membership {
    private final int expected;
    private final Set<Integer> known = new TreeSet<>();
    private final Set<Integer> departed = new HashSet<>();
    private int reportedForeignCount;

    Membership(int expected) {
        this.expected = expected;
    }

    /**
     * Records a message from {@code peer}. Returns true when the peer is new or came back
     * after leaving, and reports it.
     */
    boolean heardFrom(int peer, Outbox outbox) {
        boolean isNew = known.add(peer);
        boolean cameBack = departed.remove(peer);
        if (!isNew && !cameBack) {
            return false;
        }
        outbox.report(new NodeEvent.ParticipantDiscovered(peer, liveCount(), expected));
        if (known.size() > expected && known.size() > reportedForeignCount) {
            reportedForeignCount = known.size();
            outbox.report(new NodeEvent.TooManyParticipants(known.size(), expected));
        }
        return true;
    }

    /** Records that {@code peer} left; returns true when it was a live participant. */
    boolean left(int peer, Outbox outbox) {
        if (!known.contains(peer) || !departed.add(peer)) {
            return false;
        }
        outbox.report(new NodeEvent.ParticipantLeft(peer, liveCount(), expected));
        return true;
    }

    /** Replaces this node's own ClientID after it drew a new one. */
    void renamed(int oldClientId, int newClientId) {
        known.add(newClientId);
        if (oldClientId != newClientId) {
            departed.remove(newClientId);
        }
    }

    boolean isLive(int peer) {
        return known.contains(peer) && !departed.contains(peer);
    }

    boolean isKnown(int peer) {
        return known.contains(peer);
    }

    int knownCount() {
        return known.size();
    }

    int liveCount() {
        return known.size() - departed.size();
    }

    /** Votes an election needs: one per live participant, at most the expected group size. */
    int votesNeeded() {
        return Math.min(expected, liveCount());
    }

    List<Integer> known() {
        return List.copyOf(known);
    }
}
