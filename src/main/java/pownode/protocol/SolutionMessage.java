package pownode.protocol;

import java.util.Objects;

/** A miner's proposal: {@code {"ClientID": 4711, "TransactionID": 0, "Solution": "4711:0:93881"}}. */
public record SolutionMessage(int clientId, long transactionId, String solution) implements Message {
    public SolutionMessage {
        Ranges.requireClientId(clientId);
        Ranges.requireTransactionId(transactionId);
        Objects.requireNonNull(solution, "solution");
    }

    @Override
    public Topic topic() {
        return Topic.SOLUTION;
    }
}
