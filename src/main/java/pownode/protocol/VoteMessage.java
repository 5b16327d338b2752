package pownode.protocol;

/** Election vote: {@code {"ClientID": 4711, "VoteID": 30211}}. */
public record VoteMessage(int clientId, int voteId) implements Message {
    public VoteMessage {
        Ranges.requireClientId(clientId);
        Ranges.requireVoteId(voteId);
    }

    @Override
    public Topic topic() {
        return Topic.VOTING;
    }
}
