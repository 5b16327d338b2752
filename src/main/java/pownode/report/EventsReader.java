package pownode.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Reads one node's events file (JSON Lines) and checks the fields that every line has. */
public final class EventsReader {
    private static final int MAX_CLIENT_ID = 65_535;

    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * Reads {@code file}. Blank lines are skipped. Throws {@link InvalidEventsException} for
     * a line that is not a JSON object with {@code event}, {@code time} and {@code clientId},
     * for a file without events and for a file that mixes ClientIDs.
     */
    public NodeLog read(Path file) throws IOException, InvalidEventsException {
        List<EventLine> lines = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNumber = 0;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                lineNumber++;
                if (!text.isBlank()) {
                    lines.add(parse(file, lineNumber, text));
                }
            }
        } catch (CharacterCodingException e) {
            throw new InvalidEventsException(file, 0, "error.encoding");
        }
        if (lines.isEmpty()) {
            throw new InvalidEventsException(file, 0, "error.empty");
        }
        checkOneClientId(lines);
        return new NodeLog(file, lines.get(0).clientId(), lines);
    }

    private EventLine parse(Path file, int lineNumber, String text) throws InvalidEventsException {
        JsonNode json;
        try {
            json = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidEventsException(file, lineNumber, "error.notJson");
        }
        if (json == null || !json.isObject()) {
            throw new InvalidEventsException(file, lineNumber, "error.notJson");
        }
        String event = requireCommon(file, lineNumber, json, "event").asText();
        Instant time = parseTime(file, lineNumber, requireCommon(file, lineNumber, json, "time").asText());
        JsonNode clientId = requireCommon(file, lineNumber, json, "clientId");
        if (!clientId.isIntegralNumber() || clientId.asLong() < 0 || clientId.asLong() > MAX_CLIENT_ID) {
            throw new InvalidEventsException(file, lineNumber, "error.commonField", "clientId");
        }
        return new EventLine(file, lineNumber, event, time, clientId.asInt(), json);
    }

    private static JsonNode requireCommon(Path file, int lineNumber, JsonNode json, String name)
            throws InvalidEventsException {
        JsonNode value = json.get(name);
        boolean needsText = !name.equals("clientId");
        if (value == null || value.isNull() || (needsText && !value.isTextual())) {
            throw new InvalidEventsException(file, lineNumber, "error.commonField", name);
        }
        return value;
    }

    private static Instant parseTime(Path file, int lineNumber, String text) throws InvalidEventsException {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidEventsException(file, lineNumber, "error.commonField", "time");
        }
    }

    private static void checkOneClientId(List<EventLine> lines) throws InvalidEventsException {
        int first = lines.get(0).clientId();
        for (EventLine line : lines) {
            if (line.clientId() != first) {
                throw line.error("error.clientIdChanged", line.clientId(), first);
            }
        }
    }
}
