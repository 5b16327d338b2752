package pownode.node;

import pownode.protocol.Message;

/** A decision of the state machine that the runtime carries out. */
public sealed interface Action {

    /** Publish {@code message} on its topic with QoS 1, not retained. */
    record Publish(Message message) implements Action {
    }

    /**
     * Search for a solution of {@code challenge}: candidates are {@code prefix} followed by
     * a decimal counter starting at {@code firstCounter}. Replaces any running search.
     */
    record StartMining(long transactionId, int challenge, String prefix, long firstCounter) implements Action {
    }

    /** Stop the running search, if any. */
    record StopMining() implements Action {
    }

    /** Show {@code event} to the person at the terminal and record it. */
    record Report(NodeEvent event) implements Action {
    }

    /** The node reached its round limit: disconnect and exit with code 0. */
    record Finish(int rounds) implements Action {
    }

    /** The node cannot go on, for example because another process uses its ClientID: disconnect and fail. */
    record Abort() implements Action {
    }
}
