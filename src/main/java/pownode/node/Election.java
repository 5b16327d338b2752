package pownode.node;

import java.util.Map;

/** The election rule every node applies to the same votes. */
public final class Election {
    private Election() {
    }

    /**
     * Returns the ClientID of the leader: the highest VoteID wins and a tie goes to the
     * higher ClientID.
     *
     * @param votes VoteID by ClientID; must not be empty
     */
    public static int leaderOf(Map<Integer, Integer> votes) {
        if (votes.isEmpty()) {
            throw new IllegalArgumentException("an election needs at least one vote");
        }
        int leader = -1;
        int bestVote = -1;
        for (Map.Entry<Integer, Integer> vote : votes.entrySet()) {
            int clientId = vote.getKey();
            int voteId = vote.getValue();
            if (voteId > bestVote || (voteId == bestVote && clientId > leader)) {
                leader = clientId;
                bestVote = voteId;
            }
        }
        return leader;
    }
}
