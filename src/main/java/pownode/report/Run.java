package pownode.report;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One run of a group, merged from the events files of its nodes.
 *
 * @param nodes ClientIDs of the nodes whose files were read, in argument order
 * @param participants ClientIDs found at discovery, sorted; empty when no file has a
 *     {@code discovered} event
 * @param elections the elections by number, empty when no file has an {@code elected} or
 *     {@code electionStarted} event
 * @param lateJoiners the nodes that joined after discovery, by ClientID
 * @param departures the participants that left, in the order they left
 * @param start time of the earliest event in any file
 * @param discoveredAt the earliest discovery, or null
 */
public record Run(List<Integer> nodes, List<Integer> participants, List<Election> elections,
        List<LateJoiner> lateJoiners, List<Departure> departures, Instant start, Instant discoveredAt,
        List<Round> rounds, List<MinedSolution> solutions) {

    public Run {
        nodes = List.copyOf(nodes);
        participants = List.copyOf(participants);
        elections = List.copyOf(elections);
        lateJoiners = List.copyOf(lateJoiners);
        departures = List.copyOf(departures);
        rounds = List.copyOf(rounds);
        solutions = List.copyOf(solutions);
    }

    /** Returns the ClientIDs of every elected leader, sorted. */
    public Set<Integer> leaders() {
        Set<Integer> leaders = new TreeSet<>();
        elections.stream().filter(Election::decided).forEach(election -> leaders.add(election.leader()));
        return leaders;
    }

    /** Returns the election with {@code number}, if a file mentions it. */
    public Optional<Election> election(int number) {
        return elections.stream().filter(election -> election.number() == number).findFirst();
    }

    /** Counts the rounds that {@code clientId} won. */
    public long winsOf(int clientId) {
        return rounds.stream().filter(round -> round.winner() == clientId).count();
    }
}
