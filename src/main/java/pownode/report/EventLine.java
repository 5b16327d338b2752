package pownode.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of an events file: the three fields every event has, the whole JSON object for
 * the others, and where the line came from so that errors can name it.
 */
public record EventLine(Path file, int lineNumber, String event, Instant time, int clientId, JsonNode json) {

    /** Reads the whole-number field {@code name}; throws when it is missing or not a number. */
    public long requireLong(String name) throws InvalidEventsException {
        JsonNode value = json.get(name);
        if (value == null || !value.canConvertToLong() || !value.isIntegralNumber()) {
            throw invalidField(name);
        }
        return value.asLong();
    }

    /** Reads the field {@code name} as an int, which must be a whole number in int range. */
    public int requireInt(String name) throws InvalidEventsException {
        JsonNode value = json.get(name);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToInt()) {
            throw invalidField(name);
        }
        return value.asInt();
    }

    /**
     * Reads the optional field {@code name} as an int, or returns {@code absent} when the line
     * has no such field. Files written before the field existed lack it.
     */
    public int optionalInt(String name, int absent) throws InvalidEventsException {
        return json.has(name) ? requireInt(name) : absent;
    }

    /** Reads the optional boolean field {@code name}, or returns {@code absent} when it is missing. */
    public boolean optionalBoolean(String name, boolean absent) throws InvalidEventsException {
        return json.has(name) ? requireBoolean(name) : absent;
    }

    /** Reads the text field {@code name}; throws when it is missing or not a string. */
    public String requireText(String name) throws InvalidEventsException {
        JsonNode value = json.get(name);
        if (value == null || !value.isTextual()) {
            throw invalidField(name);
        }
        return value.asText();
    }

    /** Reads the boolean field {@code name}; throws when it is missing or not true or false. */
    public boolean requireBoolean(String name) throws InvalidEventsException {
        JsonNode value = json.get(name);
        if (value == null || !value.isBoolean()) {
            throw invalidField(name);
        }
        return value.asBoolean();
    }

    /** Reads the array field {@code name} of whole numbers in int range. */
    public List<Integer> requireIntList(String name) throws InvalidEventsException {
        JsonNode value = json.get(name);
        if (value == null || !value.isArray()) {
            throw invalidField(name);
        }
        List<Integer> numbers = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isIntegralNumber() || !element.canConvertToInt()) {
                throw invalidField(name);
            }
            numbers.add(element.asInt());
        }
        return numbers;
    }

    /** Builds the error for a line whose {@code event} has a missing or invalid field. */
    public InvalidEventsException invalidField(String name) {
        return new InvalidEventsException(file, lineNumber, "error.field", event, name);
    }

    /** Builds an error for this line with the bundle key {@code key} and its arguments. */
    public InvalidEventsException error(String key, Object... args) {
        return new InvalidEventsException(file, lineNumber, key, args);
    }
}
