package pownode.node;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Decides when a node re-publishes its own {@code init} or vote in reply to a peer's.
 *
 * <p>A peer that requests a reply again within its quiet period after the last reply gets
 * none, and replies are at least {@link #MIN_GAP_MILLIS} apart, batching every peer that
 * requested one in between. The quiet period starts at {@link #PEER_QUIET_MILLIS} and doubles after each
 * reply to that peer, up to {@link #MAX_PEER_QUIET_MILLIS}. A reply is itself an
 * {@code init} or vote that other nodes reply to, and when a round trip through the broker
 * takes about as long as the quiet period, such replies keep triggering each other. The
 * doubling makes them die out after a few rounds.
 */
final class ReplyLimiter {
    static final long PEER_QUIET_MILLIS = 2000;
    static final long MAX_PEER_QUIET_MILLIS = 60 * 1000;
    static final long MIN_GAP_MILLIS = 250;

    private final Map<Integer, Long> lastReplyByPeer = new HashMap<>();
    private final Map<Integer, Long> quietByPeer = new HashMap<>();
    private final Set<Integer> waitingPeers = new HashSet<>();
    private long lastPublishedAt = Long.MIN_VALUE / 2;

    void requestFrom(int peer, long now) {
        Long lastReply = lastReplyByPeer.get(peer);
        long quiet = quietByPeer.getOrDefault(peer, PEER_QUIET_MILLIS);
        if (lastReply == null || now - lastReply >= quiet) {
            waitingPeers.add(peer);
        }
    }

    boolean isDue(long now) {
        return !waitingPeers.isEmpty() && now - lastPublishedAt >= MIN_GAP_MILLIS;
    }

    /** Records a publication of the node's own message, which replies to every waiting peer. */
    void published(long now) {
        lastPublishedAt = now;
        for (int peer : waitingPeers) {
            if (lastReplyByPeer.containsKey(peer)) {
                long quiet = quietByPeer.getOrDefault(peer, PEER_QUIET_MILLIS);
                quietByPeer.put(peer, Math.min(2 * quiet, MAX_PEER_QUIET_MILLIS));
            }
            lastReplyByPeer.put(peer, now);
        }
        waitingPeers.clear();
    }
}
