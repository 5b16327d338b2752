package pownode.report;

import java.time.Instant;
import java.util.List;

/**
 * One run of a group, merged from the events files of its nodes.
 *
 * @param nodes ClientIDs of the nodes whose files were read, in argument order
 * @param participants ClientIDs found at discovery, sorted; empty when no file has a
 *     {@code discovered} event
 * @param leader the elected leader's ClientID, or -1 when no file has an {@code elected} event
 * @param start time of the earliest event in any file
 * @param discoveredAt the earliest discovery, or null
 * @param electedAt the earliest election, or null
 */
public record Run(List<Integer> nodes, List<Integer> participants, int leader, long leaderVoteId,
        Instant start, Instant discoveredAt, Instant electedAt, List<Round> rounds, List<MinedSolution> solutions) {

    public Run {
        nodes = List.copyOf(nodes);
        participants = List.copyOf(participants);
        rounds = List.copyOf(rounds);
        solutions = List.copyOf(solutions);
    }

    /** Counts the rounds that {@code clientId} won. */
    public long winsOf(int clientId) {
        return rounds.stream().filter(round -> round.winner() == clientId).count();
    }
}
