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

    public int leader() {
        List<JsonNode> elected = all("elected");
        assertThat(elected).as("elected events in %s", path).hasSize(1);
        return elected.get(0).get("leader").asInt();
    }

    public String role() {
        return all("elected").get(0).get("role").asText();
    }

    /** The accepted winner of each TransactionID. */
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
     * Checks what must hold in every multi-node run: one leader that all nodes name, at most
     * one accepted winner per TransactionID across all nodes, TransactionIDs of challenges
     * strictly increasing on each node, and the leader never proposing a solution.
     */
    public static void assertSafety(Collection<EventsLog> logs) {
        int leader = logs.iterator().next().leader();
        Map<Long, Integer> winners = new TreeMap<>();
        for (EventsLog log : logs) {
            assertThat(log.leader()).as("leader in %s", log.path()).isEqualTo(leader);
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
            if (log.clientId() == leader) {
                assertThat(log.all("solution")).as("solutions proposed by the leader").isEmpty();
                assertThat(log.role()).isEqualTo("controller");
            }
        }
    }
}
