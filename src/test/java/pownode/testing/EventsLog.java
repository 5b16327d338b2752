package pownode.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One node's events file, parsed, with the checks every multi-node test makes. */
public final class EventsLog {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path path;
    private final List<JsonNode> events;

    private EventsLog(Path path, List<JsonNode> events) {
        this.path = path;
        this.events = events;
    }

    public static EventsLog read(Path path) {
        List<JsonNode> events = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(path)) {
                events.add(MAPPER.readTree(line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EventsLog(path, events);
    }

    public Path path() {
        return path;
    }

    public List<JsonNode> all(String event) {
        return events.stream().filter(e -> e.get("event").asText().equals(event)).toList();
    }

    public int clientId() {
        return events.get(0).get("clientId").asInt();
    }

    /** Returns the leader of the first election. */
    public int leader() {
        return leaders().get(0);
    }

    /** Returns the leader of each election this node took part in, by election number. */
    public Map<Integer, Integer> leaders() {
        Map<Integer, Integer> leaders = new TreeMap<>();
        for (JsonNode elected : all("elected")) {
            Integer earlier = leaders.put(elected.get("election").asInt(), elected.get("leader").asInt());
            assertThat(earlier).as("two leaders of one election in %s", path).isNull();
        }
        assertThat(leaders).as("elected events in %s", path).isNotEmpty();
        return leaders;
    }

    /** This node's role after its first election. */
    public String role() {
        return all("elected").get(0).get("role").asText();
    }

    /** This node's role after its last election. */
    public String lastRole() {
        List<JsonNode> elected = all("elected");
        return elected.get(elected.size() - 1).get("role").asText();
    }

    /** Returns the accepted winner of each TransactionID. */
    public Map<Long, Integer> winners() {
        Map<Long, Integer> winners = new TreeMap<>();
        for (JsonNode result : all("result")) {
            if (result.get("accepted").asBoolean()) {
                Integer earlier = winners.put(result.get("transactionId").asLong(), result.get("winner").asInt());
                assertThat(earlier).as("second accepted winner for %s in %s", result, path).isNull();
            }
        }
        return winners;
    }

    /**
     * Checks what must hold in every multi-node run: all nodes name the same leader for each
     * election, at most one accepted winner per TransactionID across all nodes, TransactionIDs
     * of challenges strictly increasing on each node, and a leader never proposing a solution
     * while it leads.
     */
    public static void assertSafety(Collection<EventsLog> logs) {
        Map<Integer, Integer> leaders = new TreeMap<>();
        Map<Long, Integer> winners = new TreeMap<>();
        for (EventsLog log : logs) {
            log.leaders().forEach((election, leader) -> {
                Integer other = leaders.putIfAbsent(election, leader);
                assertThat(other == null || other.equals(leader))
                        .as("election %d led by %d in %s but by %d elsewhere", election, leader, log.path(), other)
                        .isTrue();
            });
            log.winners().forEach((transaction, winner) -> {
                Integer other = winners.putIfAbsent(transaction, winner);
                assertThat(other == null || other.equals(winner))
                        .as("TransactionID %d won by %d in %s but by %d elsewhere", transaction, winner, log.path(), other)
                        .isTrue();
            });
            long previous = -1;
            for (JsonNode challenge : log.all("challenge")) {
                long id = challenge.get("transactionId").asLong();
                assertThat(id).as("challenge order in %s", log.path()).isGreaterThan(previous);
                previous = id;
            }
            if (log.all("elected").stream().allMatch(e -> e.get("role").asText().equals("controller"))) {
                assertThat(log.all("solution")).as("solutions proposed by the leader in %s", log.path()).isEmpty();
            }
        }
    }
}
