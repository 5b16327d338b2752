package pownode.report;

import java.time.Instant;

/**
 * One numbered election of a run, merged from the {@code electionStarted} and
 * {@code elected} events of every file. Election 0 follows discovery; each later one
 * starts when the leader leaves or restarts.
 *
 * @param number the election number, 0 for the first
 * @param leader the elected leader's ClientID, or -1 when no file has an {@code elected}
 *     event for this election
 * @param leaderVoteId the leader's VoteID, or -1 when every file that names the leader
 *     adopted it without voting
 * @param electedAt the earliest {@code elected} event of a node that voted, otherwise the
 *     earliest adopted one, or null when no file has one
 * @param reason the reason of the earliest {@code electionStarted} event, such as
 *     {@code leader_left}, or null for election 0 and when no file has one
 * @param startedAt the time of that {@code electionStarted} event, or null
 */
public record Election(int number, int leader, long leaderVoteId, Instant electedAt, String reason,
        Instant startedAt) {

    public boolean decided() {
        return leader >= 0;
    }
}
