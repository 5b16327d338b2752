package pownode.runtime;

import java.util.HashMap;
import java.util.Map;

/**
 * Rate-limits repeated warnings: the first of each kind passes, then at most one per
 * interval, which also reports how many were suppressed since the last one that passed.
 */
final class WarningLimiter {
    private final long intervalMillis;
    private final Map<String, State> states = new HashMap<>();

    WarningLimiter(long intervalMillis) {
        this.intervalMillis = intervalMillis;
    }

    /**
     * Returns -1 when a warning of {@code kind} must stay silent now; otherwise the number of
     * warnings of that kind suppressed since the last one shown.
     */
    long admit(String kind, long nowMillis) {
        State state = states.computeIfAbsent(kind, k -> new State());
        if (state.shown && nowMillis - state.lastShownAt < intervalMillis) {
            state.suppressed++;
            return -1;
        }
        long suppressed = state.suppressed;
        state.shown = true;
        state.lastShownAt = nowMillis;
        state.suppressed = 0;
        return suppressed;
    }

    private static final class State {
        boolean shown;
        long lastShownAt;
        long suppressed;
    }
}
