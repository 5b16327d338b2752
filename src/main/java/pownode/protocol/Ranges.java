package pownode.protocol;

/** Range rules of the protocol's numeric fields. */
public final class Ranges {
    public static final int MAX_CLIENT_ID = 65_535;
    public static final int MAX_VOTE_ID = 65_535;

    private Ranges() {
    }

    static void requireClientId(int clientId) {
        requireBetween("ClientID", clientId, 0, MAX_CLIENT_ID);
    }

    static void requireVoteId(int voteId) {
        requireBetween("VoteID", voteId, 0, MAX_VOTE_ID);
    }

    static void requireTransactionId(long transactionId) {
        requireBetween("TransactionID", transactionId, 0, Long.MAX_VALUE);
    }

    static void requireBetween(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new FieldOutOfRangeException(field, value, min, max);
        }
    }
}
