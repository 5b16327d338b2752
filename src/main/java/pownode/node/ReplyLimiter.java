package pownode.node;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Decides when a node re-publishes its own {@code init} or vote in reply to a peer's.
 *
 * <p>A peer that asks again within {@link #PEER_QUIET_MILLIS} of the last reply is not
 * answered, and replies are at least {@link #MIN_GAP_MILLIS} apart, batching every peer
 * that asked in between. Replies from other nodes therefore trigger at most one more round
 * of replies, and two nodes never answer each other forever.
 */
final class ReplyLimiter {
    static final long PEER_QUIET_MILLIS = 2000;
    static final long MIN_GAP_MILLIS = 250;

    private final Map<Integer, Long> lastReplyByPeer = new HashMap<>();
    private final Set<Integer> waitingPeers = new HashSet<>();
    private long lastPublishedAt = Long.MIN_VALUE / 2;

    void requestFrom(int peer, long now) {
        Long lastReply = lastReplyByPeer.get(peer);
        if (lastReply == null || now - lastReply >= PEER_QUIET_MILLIS) {
            waitingPeers.add(peer);
        }
    }

    boolean isDue(long now) {
        return !waitingPeers.isEmpty() && now - lastPublishedAt >= MIN_GAP_MILLIS;
    }

    /** Records a publication of the node's own message, which answers every waiting peer. */
    void published(long now) {
        lastPublishedAt = now;
        for (int peer : waitingPeers) {
            lastReplyByPeer.put(peer, now);
        }
        waitingPeers.clear();
    }
}
