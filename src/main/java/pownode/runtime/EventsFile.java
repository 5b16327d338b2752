package pownode.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import pownode.node.NodeEvent;
import pownode.protocol.Sha1;

/**
 * Appends a node's events to a file as JSON Lines: one object per line with {@code event},
 * {@code time} (ISO-8601 UTC) and {@code clientId}, flushed after every line.
 */
public final class EventsFile implements AutoCloseable {
    private final ObjectMapper mapper = new ObjectMapper();
    private final BufferedWriter writer;
    private final int clientId;

    private EventsFile(BufferedWriter writer, int clientId) {
        this.writer = writer;
        this.clientId = clientId;
    }

    /** Opens {@code path} for appending, creating it and its parent folders when missing. */
    public static EventsFile open(Path path, int clientId) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        BufferedWriter writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        return new EventsFile(writer, clientId);
    }

    /** Writes {@code event} if the file format has a line for it. */
    public void write(NodeEvent event, Instant time) throws IOException {
        ObjectNode line = toJson(event);
        if (line == null) {
            return;
        }
        ObjectNode full = mapper.createObjectNode();
        full.put("event", line.remove("event").asText());
        full.put("time", time.toString());
        full.put("clientId", clientId);
        full.setAll(line);
        writer.write(mapper.writeValueAsString(full));
        writer.newLine();
        writer.flush();
    }

    private ObjectNode toJson(NodeEvent event) {
        ObjectNode line = mapper.createObjectNode();
        if (event instanceof NodeEvent.DiscoveryCompleted discovered) {
            line.put("event", "discovered");
            ArrayNode participants = line.putArray("participants");
            discovered.participants().forEach(participants::add);
        } else if (event instanceof NodeEvent.LeaderElected elected) {
            line.put("event", "elected");
            line.put("leader", elected.leader());
            line.put("leaderVoteId", elected.leaderVoteId());
            line.put("voteId", elected.ownVoteId());
            line.put("role", elected.role().wireName());
            line.put("election", elected.election());
        } else if (event instanceof NodeEvent.LeaderAdopted adopted) {
            line.put("event", "elected");
            line.put("leader", adopted.leader());
            line.put("role", adopted.role().wireName());
            line.put("election", adopted.election());
            line.put("adopted", true);
        } else if (event instanceof NodeEvent.ElectionStarted started) {
            line.put("event", "electionStarted");
            line.put("election", started.election());
            line.put("reason", started.reason().name().toLowerCase(java.util.Locale.ROOT));
        } else if (event instanceof NodeEvent.ParticipantLeft left) {
            line.put("event", "left");
            line.put("participant", left.clientId());
        } else if (event instanceof NodeEvent.ChallengeIssued issued) {
            putChallenge(line, issued.transactionId(), issued.challenge());
        } else if (event instanceof NodeEvent.ChallengeReceived received) {
            putChallenge(line, received.transactionId(), received.challenge());
        } else if (event instanceof NodeEvent.SolutionProposed proposed) {
            line.put("event", "solution");
            line.put("transactionId", proposed.transactionId());
            line.put("solution", proposed.solution());
            line.put("digest", Sha1.hex(Sha1.digest(proposed.solution())));
            line.put("hashes", proposed.hashes());
            line.put("elapsedMillis", proposed.elapsedNanos() / 1_000_000);
        } else if (event instanceof NodeEvent.ResultPublished published) {
            putResult(line, published.transactionId(), published.proposer(), published.solution(),
                    published.accepted());
            if (published.reason() != null) {
                line.put("reason", published.reason().name().toLowerCase(java.util.Locale.ROOT));
            }
        } else if (event instanceof NodeEvent.ResultReceived received) {
            putResult(line, received.transactionId(), received.proposer(), received.solution(), received.accepted());
        } else {
            return null;
        }
        return line;
    }

    private static void putChallenge(ObjectNode line, long transactionId, int challenge) {
        line.put("event", "challenge");
        line.put("transactionId", transactionId);
        line.put("challenge", challenge);
    }

    private static void putResult(ObjectNode line, long transactionId, int proposer, String solution,
            boolean accepted) {
        line.put("event", "result");
        line.put("transactionId", transactionId);
        line.put("winner", accepted ? proposer : -1);
        line.put("proposer", proposer);
        line.put("solution", solution);
        line.put("accepted", accepted);
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
