package pownode.protocol;

import java.util.Objects;

/**
 * The controller's verdict on one proposal. {@code clientId} is the proposer; a non-zero
 * {@code result} means the proposal won the transaction.
 */
public record ResultMessage(int clientId, long transactionId, String solution, int result)
        implements Message {

    public static final int ACCEPTED = 1;
    public static final int REJECTED = 0;

    public ResultMessage {
        Ranges.requireClientId(clientId);
        Ranges.requireTransactionId(transactionId);
        Objects.requireNonNull(solution, "solution");
    }

    public boolean accepted() {
        return result != REJECTED;
    }

    @Override
    public Topic topic() {
        return Topic.RESULT;
    }
}
