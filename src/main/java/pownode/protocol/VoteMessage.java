package pownode.protocol;

/**
 * Election vote: {@code {"ClientID": 4711, "VoteID": 30211}}. {@code election} counts the
 * elections of one group run; it is sent as an extra {@code Election} key only when above
 * 0, so the first election's votes are exactly the classroom payload.
 */
public record VoteMessage(int clientId, int voteId, int election) implements Message {
    public VoteMessage {
        Ranges.requireClientId(clientId);
        Ranges.requireVoteId(voteId);
        Ranges.requireBetween("Election", election, 0, Integer.MAX_VALUE);
    }

    /** A vote of the first election. */
    public VoteMessage(int clientId, int voteId) {
        this(clientId, voteId, 0);
    }

    @Override
    public Topic topic() {
        return Topic.VOTING;
    }
}
