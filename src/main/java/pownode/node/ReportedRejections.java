package pownode.node;

import java.util.HashSet;
import java.util.Set;

/**
 * Rejections already reported since the last challenge. QoS 1 may deliver a Solution or a
 * Result twice, for example when a reconnect resends it, and the repeat must not print again.
 */
final class ReportedRejections {
    /** Keys kept before all are forgotten, which bounds memory under a flood of proposals. */
    private static final int MAX_KEYS = 1000;

    private final Set<String> keys = new HashSet<>();

    /** Returns true the first time this rejection is seen since the last {@link #clear()}, false for a repeat. */
    boolean firstTime(long transactionId, int clientId, String solution) {
        if (keys.size() >= MAX_KEYS) {
            keys.clear();
        }
        return keys.add(transactionId + " " + clientId + " " + solution);
    }

    void clear() {
        keys.clear();
    }
}
