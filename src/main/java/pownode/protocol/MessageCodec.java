package pownode.protocol;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import pownode.protocol.InvalidMessageException.Problem;

/**
 * Turns payloads into messages and back. Sends PascalCase keys; accepts any key spelling
 * that differs only in case, underscores or dashes ({@code clientId}, {@code client_id}),
 * numbers as JSON numbers or numeric strings, and ignores unknown keys.
 */
public final class MessageCodec {
    /** Payloads above this size are dropped without being parsed. */
    public static final int MAX_PAYLOAD_BYTES = 64 * 1024;

    private static final int MAX_SHOWN_VALUE_CHARS = 40;
    private static final String ONLINE = "online";
    private static final String OFFLINE = "offline";

    // Exact decimals, because a double turns 1e400 into Infinity, which BigDecimal cannot hold.
    private final ObjectMapper mapper = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** Decodes a payload that arrived on {@code topic}. */
    public Message decode(Topic topic, byte[] payload) throws InvalidMessageException {
        JsonNode root = parseObject(payload);
        try {
            return switch (topic) {
                case INIT -> new InitMessage(intField(root, "ClientID"));
                case VOTING -> new VoteMessage(intField(root, "ClientID"), intField(root, "VoteID"),
                        optionalIntField(root, "Election", 0), optionalLongField(root, "Transaction", -1));
                case CHALLENGE -> new ChallengeMessage(
                        longField(root, "TransactionID"), intField(root, "Challenge"));
                case SOLUTION -> new SolutionMessage(intField(root, "ClientID"),
                        longField(root, "TransactionID"), textField(root, "Solution"));
                case RESULT -> new ResultMessage(intField(root, "ClientID"),
                        longField(root, "TransactionID"), textField(root, "Solution"),
                        intField(root, "Result"));
                case PRESENCE -> new PresenceMessage(intField(root, "ClientID"), statusField(root),
                        textField(root, "Session"), longField(root, "Started"),
                        optionalIntField(root, "Election", 0), optionalIntField(root, "Leader", -1),
                        optionalLongField(root, "Transaction", -1));
            };
        } catch (FieldOutOfRangeException e) {
            throw new InvalidMessageException(Problem.OUT_OF_RANGE, e.field(), Long.toString(e.value()));
        }
    }

    /** Encodes a message as UTF-8 JSON with the protocol's PascalCase keys. */
    public byte[] encode(Message message) {
        ObjectNode node = mapper.createObjectNode();
        if (message instanceof InitMessage init) {
            node.put("ClientID", init.clientId());
        } else if (message instanceof VoteMessage vote) {
            node.put("ClientID", vote.clientId());
            node.put("VoteID", vote.voteId());
            if (vote.election() > 0) {
                node.put("Election", vote.election());
            }
            if (vote.election() > 0 && vote.highestTransactionId() >= 0) {
                node.put("Transaction", vote.highestTransactionId());
            }
        } else if (message instanceof ChallengeMessage challenge) {
            node.put("TransactionID", challenge.transactionId());
            node.put("Challenge", challenge.challenge());
        } else if (message instanceof SolutionMessage solution) {
            node.put("ClientID", solution.clientId());
            node.put("TransactionID", solution.transactionId());
            node.put("Solution", solution.solution());
        } else if (message instanceof ResultMessage result) {
            node.put("ClientID", result.clientId());
            node.put("TransactionID", result.transactionId());
            node.put("Solution", result.solution());
            node.put("Result", result.result());
        } else if (message instanceof PresenceMessage presence) {
            node.put("ClientID", presence.clientId());
            node.put("Status", presence.online() ? ONLINE : OFFLINE);
            node.put("Session", presence.session());
            node.put("Started", presence.startedAt());
            node.put("Election", presence.election());
            node.put("Leader", presence.leader());
            if (presence.highestTransactionId() >= 0) {
                node.put("Transaction", presence.highestTransactionId());
            }
        }
        try {
            return mapper.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode parseObject(byte[] payload) throws InvalidMessageException {
        if (payload.length > MAX_PAYLOAD_BYTES) {
            throw new InvalidMessageException(Problem.TOO_LARGE, "", payload.length + " B");
        }
        JsonNode root;
        try {
            root = mapper.readTree(payload);
        } catch (IOException e) {
            // The payload is in memory, so every IOException here is about its content. For example,
            // Jackson throws CharConversionException, which is no JacksonException, for invalid UCS-4.
            throw new InvalidMessageException(Problem.NOT_JSON, "", "");
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidMessageException(Problem.NOT_JSON, "", "");
        }
        if (!root.isObject()) {
            throw new InvalidMessageException(Problem.NOT_OBJECT, "", "");
        }
        return root;
    }

    private static int optionalIntField(JsonNode root, String name, int absent) throws InvalidMessageException {
        if (find(root, name) == null) {
            return absent;
        }
        return intField(root, name);
    }

    private static long optionalLongField(JsonNode root, String name, long absent) throws InvalidMessageException {
        if (find(root, name) == null) {
            return absent;
        }
        return longField(root, name);
    }

    private static boolean statusField(JsonNode root) throws InvalidMessageException {
        String status = textField(root, "Status").trim().toLowerCase(Locale.ROOT);
        if (status.equals(ONLINE) || status.equals(OFFLINE)) {
            return status.equals(ONLINE);
        }
        throw new InvalidMessageException(Problem.INVALID_FIELD, "Status", shown(field(root, "Status")));
    }

    private static JsonNode field(JsonNode root, String name) throws InvalidMessageException {
        JsonNode found = find(root, name);
        if (found == null) {
            throw new InvalidMessageException(Problem.MISSING_FIELD, name, "");
        }
        return found;
    }

    /** Returns the non-null value under any spelling of {@code name}, or null. */
    private static JsonNode find(JsonNode root, String name) {
        String wanted = normalize(name);
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            if (normalize(entry.getKey()).equals(wanted) && !entry.getValue().isNull()) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static String normalize(String key) {
        return key.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    }

    private static int intField(JsonNode root, String name) throws InvalidMessageException {
        long value = longField(root, name);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new InvalidMessageException(Problem.OUT_OF_RANGE, name, Long.toString(value));
        }
        return (int) value;
    }

    private static long longField(JsonNode root, String name) throws InvalidMessageException {
        JsonNode node = field(root, name);
        BigDecimal number = numberOf(node);
        if (number == null) {
            throw new InvalidMessageException(Problem.INVALID_FIELD, name, shown(node));
        }
        try {
            return number.longValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidMessageException(Problem.OUT_OF_RANGE, name, shown(node));
        }
    }

    /** Reads a JSON number or a numeric string; returns null for anything else or a fraction. */
    private static BigDecimal numberOf(JsonNode node) {
        BigDecimal number;
        if (node.isNumber()) {
            number = node.decimalValue();
        } else if (node.isTextual()) {
            try {
                number = new BigDecimal(node.textValue().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        } else {
            return null;
        }
        if (number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
            return null;
        }
        return number;
    }

    private static String textField(JsonNode root, String name) throws InvalidMessageException {
        JsonNode node = field(root, name);
        if (!node.isTextual()) {
            throw new InvalidMessageException(Problem.INVALID_FIELD, name, shown(node));
        }
        return node.textValue();
    }

    private static String shown(JsonNode node) {
        String text = node.toString();
        if (text.length() <= MAX_SHOWN_VALUE_CHARS) {
            return text;
        }
        return text.substring(0, MAX_SHOWN_VALUE_CHARS) + "...";
    }
}
