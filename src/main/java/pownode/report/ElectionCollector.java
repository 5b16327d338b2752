package pownode.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Merges the {@code electionStarted} and {@code elected} events of a run's files into one
 * {@link Election} per election number, and rejects files that name different leaders for
 * the same election. Files written before elections were numbered count as election 0.
 */
final class ElectionCollector {
    /** The first {@code elected} line read for each election number, to compare the leaders. */
    private final Map<Integer, EventLine> references = new TreeMap<>();
    private final Map<Integer, EventLine> earliestVoted = new TreeMap<>();
    private final Map<Integer, EventLine> earliestAdopted = new TreeMap<>();
    private final Map<Integer, EventLine> earliestStarted = new TreeMap<>();

    /** Adds the election events of {@code log}; throws when it names another leader than an earlier file. */
    void add(NodeLog log) throws InvalidEventsException {
        for (EventLine line : log.lines()) {
            if (line.event().equals("elected")) {
                addElected(line);
            } else if (line.event().equals("electionStarted")) {
                int number = line.requireInt("election");
                line.requireText("reason");
                keepEarliest(earliestStarted, number, line);
            }
        }
    }

    private void addElected(EventLine line) throws InvalidEventsException {
        int number = line.optionalInt("election", 0);
        int leader = line.requireInt("leader");
        boolean adopted = line.optionalBoolean("adopted", false);
        if (!adopted) {
            // A node that voted records the leader's VoteID, but one that adopted the leader cannot.
            line.requireLong("leaderVoteId");
        }
        EventLine reference = references.putIfAbsent(number, line);
        if (reference != null && reference.requireInt("leader") != leader) {
            throw line.error("error.leaderDiffers", number, leader, reference.requireInt("leader"),
                    reference.file(), reference.lineNumber());
        }
        keepEarliest(adopted ? earliestAdopted : earliestVoted, number, line);
    }

    private static void keepEarliest(Map<Integer, EventLine> earliest, int number, EventLine line) {
        EventLine known = earliest.get(number);
        if (known == null || line.time().isBefore(known.time())) {
            earliest.put(number, line);
        }
    }

    /** Returns every election that some file started or decided, by number. */
    List<Election> elections() throws InvalidEventsException {
        TreeSet<Integer> numbers = new TreeSet<>(references.keySet());
        numbers.addAll(earliestStarted.keySet());
        List<Election> elections = new ArrayList<>();
        for (int number : numbers) {
            elections.add(merge(number));
        }
        return elections;
    }

    private Election merge(int number) throws InvalidEventsException {
        EventLine reference = references.get(number);
        EventLine voted = earliestVoted.get(number);
        EventLine elected = voted != null ? voted : earliestAdopted.get(number);
        EventLine started = earliestStarted.get(number);
        int leader = reference == null ? -1 : reference.requireInt("leader");
        long leaderVoteId = voted == null ? -1 : voted.requireLong("leaderVoteId");
        Instant electedAt = elected == null ? null : elected.time();
        String reason = started == null ? null : started.requireText("reason");
        Instant startedAt = started == null ? null : started.time();
        return new Election(number, leader, leaderVoteId, electedAt, reason, startedAt);
    }
}
