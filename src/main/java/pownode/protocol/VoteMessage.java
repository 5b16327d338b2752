package pownode.protocol;

/**
 * Election vote: {@code {"ClientID": 4711, "VoteID": 30211}}. {@code election} counts the
 * elections of one group run; it is sent as an extra {@code Election} key only when above
 * 0, so the first election's votes are exactly the classroom payload.
 *
 * @param highestTransactionId the highest TransactionID the voter has seen, or -1; sent as an
 *     extra {@code Transaction} key in elections after the first, so that the new controller
 *     continues above every TransactionID its voters saw
 */
public record VoteMessage(int clientId, int voteId, int election, long highestTransactionId) implements Message {
    public VoteMessage {
        Ranges.requireClientId(clientId);
        Ranges.requireVoteId(voteId);
        Ranges.requireBetween("Election", election, 0, Integer.MAX_VALUE);
        // The controller that continues above it must still have a next TransactionID.
        Ranges.requireBetween("Transaction", highestTransactionId, -1, Long.MAX_VALUE - 1);
    }

    /** Creates a vote that names no TransactionID. */
    public VoteMessage(int clientId, int voteId, int election) {
        this(clientId, voteId, election, -1);
    }

    /** Creates a vote of the first election. */
    public VoteMessage(int clientId, int voteId) {
        this(clientId, voteId, 0);
    }

    @Override
    public Topic topic() {
        return Topic.VOTING;
    }
}
