package pownode.node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The ClientIDs a node has heard of, which of them have left, and their processes' sessions. */
final class Membership {
    /** Online sessions remembered per ClientID; more only come from restarts in quick succession or forgeries. */
    static final int MAX_SESSIONS_PER_PEER = 4;

    private final int expected;
    private final Set<Integer> known = new TreeSet<>();
    private final Set<Integer> departed = new HashSet<>();
    private final Map<Integer, Long> departedAt = new HashMap<>();
    private final Map<Integer, Set<String>> onlineSessions = new HashMap<>();
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

    /** Counts {@code peer} as live again after its departure turned out to be the broker's shutdown. */
    void revokeDeparture(int peer, Outbox outbox) {
        if (departed.remove(peer)) {
            outbox.report(new NodeEvent.DepartureRevoked(peer, liveCount(), expected));
        }
    }

    /** Records that {@code peer} left at {@code now}; returns true when it was a live participant. */
    boolean left(int peer, long now, Outbox outbox) {
        if (!known.contains(peer) || !departed.add(peer)) {
            return false;
        }
        departedAt.put(peer, now);
        outbox.report(new NodeEvent.ParticipantLeft(peer, liveCount(), expected));
        return true;
    }

    /** Records that a process of {@code peer} announced itself online with {@code session}. */
    void sessionOnline(int peer, String session) {
        Set<String> sessions = onlineSessions.computeIfAbsent(peer, id -> new LinkedHashSet<>());
        sessions.add(session);
        if (sessions.size() > MAX_SESSIONS_PER_PEER) {
            Iterator<String> oldest = sessions.iterator();
            oldest.next();
            oldest.remove();
        }
    }

    /**
     * Records that {@code session} of {@code peer} went offline. Returns false while another
     * session of that ClientID is still online, because the peer has not left then. This
     * happens when a process's will arrives after its restarted successor announced itself.
     */
    boolean sessionOffline(int peer, String session) {
        Set<String> sessions = onlineSessions.get(peer);
        if (sessions == null) {
            return true;
        }
        sessions.remove(session);
        return sessions.isEmpty();
    }

    /** Returns the peers that are still departed and left at {@code since} or later. */
    List<Integer> departedSince(long since) {
        List<Integer> peers = new ArrayList<>();
        for (Map.Entry<Integer, Long> entry : departedAt.entrySet()) {
            if (entry.getValue() >= since && departed.contains(entry.getKey())) {
                peers.add(entry.getKey());
            }
        }
        return peers;
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

    /**
     * Votes an election needs: one per live participant, at most the expected group size, and
     * at least two. A node that saw every other participant's will, as the last client
     * disconnected by a stopping broker does, waits for peers instead of electing itself alone.
     */
    int votesNeeded() {
        return Math.max(2, Math.min(expected, liveCount()));
    }

    List<Integer> known() {
        return List.copyOf(known);
    }
}
