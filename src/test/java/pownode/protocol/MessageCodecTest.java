package pownode.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import pownode.protocol.InvalidMessageException.Problem;

class MessageCodecTest {
    private final MessageCodec codec = new MessageCodec();

    // ---- accepted spellings and number forms ----

    @ParameterizedTest
    @ValueSource(strings = {"ClientID", "clientId", "client_id", "clientid", "CLIENT_ID", "client-id", "ClientId"})
    void decode_acceptsClientIdSpelling(String key) throws Exception {
        String json = "{\"" + key + "\": 4711}";

        Message message = codec.decode(Topic.INIT, utf8(json));

        assertThat(message).isEqualTo(new InitMessage(4711));
    }

    static Stream<Arguments> keySpellings() {
        return Stream.of(
                arguments(Topic.VOTING, "{\"ClientID\": 1, \"VoteID\": 30211}", new VoteMessage(1, 30211)),
                arguments(Topic.VOTING, "{\"clientId\": 1, \"voteId\": 30211}", new VoteMessage(1, 30211)),
                arguments(Topic.VOTING, "{\"client_id\": 1, \"vote_id\": 30211}", new VoteMessage(1, 30211)),
                arguments(Topic.VOTING, "{\"CLIENT-ID\": 1, \"VOTEID\": 30211}", new VoteMessage(1, 30211)),
                arguments(Topic.CHALLENGE, "{\"TransactionID\": 3, \"Challenge\": 5}", new ChallengeMessage(3, 5)),
                arguments(Topic.CHALLENGE, "{\"transactionId\": 3, \"challenge\": 5}", new ChallengeMessage(3, 5)),
                arguments(Topic.CHALLENGE, "{\"transaction_id\": 3, \"CHALLENGE\": 5}", new ChallengeMessage(3, 5)),
                arguments(Topic.SOLUTION, "{\"ClientID\": 7, \"TransactionID\": 3, \"Solution\": \"7:3:99\"}",
                        new SolutionMessage(7, 3, "7:3:99")),
                arguments(Topic.SOLUTION, "{\"client_id\": 7, \"transactionId\": 3, \"solution\": \"7:3:99\"}",
                        new SolutionMessage(7, 3, "7:3:99")),
                arguments(Topic.RESULT,
                        "{\"ClientID\": 7, \"TransactionID\": 3, \"Solution\": \"7:3:99\", \"Result\": 1}",
                        new ResultMessage(7, 3, "7:3:99", 1)),
                arguments(Topic.RESULT,
                        "{\"clientid\": 7, \"transaction_id\": 3, \"solution\": \"7:3:99\", \"result\": 0}",
                        new ResultMessage(7, 3, "7:3:99", 0)));
    }

    @ParameterizedTest
    @MethodSource("keySpellings")
    void decode_acceptsKeySpelling(Topic topic, String json, Message expected) throws Exception {
        Message message = codec.decode(topic, utf8(json));

        assertThat(message).isEqualTo(expected);
    }

    static Stream<Arguments> numberForms() {
        return Stream.of(
                arguments(Named.of("numeric string", "\"4711\""), 4711),
                arguments(Named.of("numeric string with spaces", "\" 5 \""), 5),
                arguments(Named.of("integral float", "5.0"), 5),
                arguments(Named.of("integral float as string", "\"5.0\""), 5),
                arguments(Named.of("exponent", "4.711e3"), 4711),
                arguments(Named.of("zero as float", "0.0"), 0),
                arguments(Named.of("largest ClientID", "65535"), 65535));
    }

    @ParameterizedTest
    @MethodSource("numberForms")
    void decode_acceptsNumberForm(String number, int expected) throws Exception {
        String json = "{\"ClientID\": " + number + "}";

        Message message = codec.decode(Topic.INIT, utf8(json));

        assertThat(message).isEqualTo(new InitMessage(expected));
    }

    @Test
    void decode_ignoresExtraKeys() throws Exception {
        String json = "{\"ClientID\": 7, \"TransactionID\": 3, \"Solution\": \"7:3:99\","
                + " \"Nonce\": 99, \"meta\": {\"host\": \"lab-pc\"}, \"tags\": [1, 2], \"Result\": null}";

        Message message = codec.decode(Topic.SOLUTION, utf8(json));

        assertThat(message).isEqualTo(new SolutionMessage(7, 3, "7:3:99"));
    }

    @Test
    void decode_skipsNullSpellingForLaterOne() throws Exception {
        String json = "{\"ClientID\": null, \"client_id\": 12}";

        Message message = codec.decode(Topic.INIT, utf8(json));

        assertThat(message).isEqualTo(new InitMessage(12));
    }

    @Test
    void decode_acceptsLargestTransactionId() throws Exception {
        String json = "{\"TransactionID\": " + Long.MAX_VALUE + ", \"Challenge\": 1}";

        Message message = codec.decode(Topic.CHALLENGE, utf8(json));

        assertThat(message).isEqualTo(new ChallengeMessage(Long.MAX_VALUE, 1));
    }

    @Test
    void decode_acceptsPayloadOfExactlyMaxSize() throws Exception {
        byte[] payload = paddedInit(MessageCodec.MAX_PAYLOAD_BYTES);

        Message message = codec.decode(Topic.INIT, payload);

        assertThat(payload).hasSize(MessageCodec.MAX_PAYLOAD_BYTES);
        assertThat(message).isEqualTo(new InitMessage(1));
    }

    // ---- rejected payloads ----

    /** One payload that {@link MessageCodec#decode} must drop, with the problem and field it must name. */
    record BadPayload(Topic topic, byte[] payload, Problem problem, String field) {
    }

    static Stream<Named<BadPayload>> badPayloads() {
        return Stream.of(
                bad("not JSON", Topic.INIT, "ClientID=4711", Problem.NOT_JSON, ""),
                bad("unquoted key", Topic.INIT, "{ClientID: 4711}", Problem.NOT_JSON, ""),
                bad("truncated object", Topic.INIT, "{\"ClientID\": 4711", Problem.NOT_JSON, ""),
                bad("NaN literal", Topic.INIT, "{\"ClientID\": NaN}", Problem.NOT_JSON, ""),
                bad("empty payload", Topic.INIT, new byte[0], Problem.NOT_JSON, ""),
                bad("invalid UTF-8 bytes", Topic.SOLUTION, invalidUtf8Solution(), Problem.NOT_JSON, ""),
                bad("UCS-4 byte order mark of unsupported order", Topic.INIT,
                        new byte[] {0, 0, (byte) 0xff, (byte) 0xfe, 0, 0, 0, '{'}, Problem.NOT_JSON, ""),
                bad("JSON array", Topic.INIT, "[{\"ClientID\": 4711}]", Problem.NOT_OBJECT, ""),
                bad("JSON string", Topic.INIT, "\"4711\"", Problem.NOT_OBJECT, ""),
                bad("JSON number", Topic.INIT, "4711", Problem.NOT_OBJECT, ""),
                bad("JSON null", Topic.INIT, "null", Problem.NOT_OBJECT, ""),
                bad("empty object", Topic.INIT, "{}", Problem.MISSING_FIELD, "ClientID"),
                bad("null ClientID", Topic.INIT, "{\"ClientID\": null}", Problem.MISSING_FIELD, "ClientID"),
                bad("vote without VoteID", Topic.VOTING, "{\"ClientID\": 1}", Problem.MISSING_FIELD, "VoteID"),
                bad("challenge without Challenge", Topic.CHALLENGE, "{\"TransactionID\": 0}",
                        Problem.MISSING_FIELD, "Challenge"),
                bad("solution without Solution", Topic.SOLUTION, "{\"ClientID\": 1, \"TransactionID\": 0}",
                        Problem.MISSING_FIELD, "Solution"),
                bad("result without Result", Topic.RESULT,
                        "{\"ClientID\": 1, \"TransactionID\": 0, \"Solution\": \"x\"}", Problem.MISSING_FIELD, "Result"),
                bad("boolean ClientID", Topic.INIT, "{\"ClientID\": true}", Problem.INVALID_FIELD, "ClientID"),
                bad("object ClientID", Topic.INIT, "{\"ClientID\": {\"id\": 1}}", Problem.INVALID_FIELD, "ClientID"),
                bad("array ClientID", Topic.INIT, "{\"ClientID\": [1]}", Problem.INVALID_FIELD, "ClientID"),
                bad("fractional ClientID", Topic.INIT, "{\"ClientID\": 1.5}", Problem.INVALID_FIELD, "ClientID"),
                bad("fractional string VoteID", Topic.VOTING, "{\"ClientID\": 1, \"VoteID\": \"2.5\"}",
                        Problem.INVALID_FIELD, "VoteID"),
                bad("non-numeric string ClientID", Topic.INIT, "{\"ClientID\": \"abc\"}",
                        Problem.INVALID_FIELD, "ClientID"),
                bad("empty string ClientID", Topic.INIT, "{\"ClientID\": \"\"}", Problem.INVALID_FIELD, "ClientID"),
                bad("numeric Solution", Topic.SOLUTION, "{\"ClientID\": 1, \"TransactionID\": 0, \"Solution\": 42}",
                        Problem.INVALID_FIELD, "Solution"),
                bad("ClientID -1", Topic.INIT, "{\"ClientID\": -1}", Problem.OUT_OF_RANGE, "ClientID"),
                bad("ClientID 65536", Topic.INIT, "{\"ClientID\": 65536}", Problem.OUT_OF_RANGE, "ClientID"),
                bad("ClientID beyond int", Topic.INIT, "{\"ClientID\": 4294967296}", Problem.OUT_OF_RANGE, "ClientID"),
                bad("VoteID 70000", Topic.VOTING, "{\"ClientID\": 1, \"VoteID\": 70000}",
                        Problem.OUT_OF_RANGE, "VoteID"),
                bad("TransactionID -1", Topic.CHALLENGE, "{\"TransactionID\": -1, \"Challenge\": 5}",
                        Problem.OUT_OF_RANGE, "TransactionID"),
                bad("Challenge 0", Topic.CHALLENGE, "{\"TransactionID\": 0, \"Challenge\": 0}",
                        Problem.OUT_OF_RANGE, "Challenge"),
                bad("negative Challenge", Topic.CHALLENGE, "{\"TransactionID\": 0, \"Challenge\": -3}",
                        Problem.OUT_OF_RANGE, "Challenge"),
                bad("TransactionID beyond long", Topic.CHALLENGE,
                        "{\"TransactionID\": 99999999999999999999999, \"Challenge\": 5}",
                        Problem.OUT_OF_RANGE, "TransactionID"),
                bad("TransactionID beyond long as string", Topic.CHALLENGE,
                        "{\"TransactionID\": \"99999999999999999999999\", \"Challenge\": 5}",
                        Problem.OUT_OF_RANGE, "TransactionID"),
                bad("TransactionID beyond double", Topic.CHALLENGE, "{\"TransactionID\": 1e400, \"Challenge\": 5}",
                        Problem.OUT_OF_RANGE, "TransactionID"),
                bad("ClientID beyond double", Topic.INIT, "{\"ClientID\": -1e400}", Problem.OUT_OF_RANGE, "ClientID"),
                bad("ClientID with huge exponent as string", Topic.INIT, "{\"ClientID\": \"1e999999999\"}",
                        Problem.OUT_OF_RANGE, "ClientID"),
                bad("Result beyond int", Topic.RESULT,
                        "{\"ClientID\": 1, \"TransactionID\": 0, \"Solution\": \"x\", \"Result\": 1099511627776}",
                        Problem.OUT_OF_RANGE, "Result"),
                bad("payload over 64 KiB", Topic.INIT, paddedInit(MessageCodec.MAX_PAYLOAD_BYTES + 1),
                        Problem.TOO_LARGE, ""));
    }

    @ParameterizedTest
    @MethodSource("badPayloads")
    void decode_rejectsBadPayload(BadPayload bad) {
        InvalidMessageException thrown = catchThrowableOfType(InvalidMessageException.class,
                () -> codec.decode(bad.topic(), bad.payload()));

        assertThat(thrown).as("decode must throw InvalidMessageException").isNotNull();
        assertThat(thrown.problem()).isEqualTo(bad.problem());
        assertThat(thrown.field()).isEqualTo(bad.field());
    }

    @Test
    void decode_namesTooLargeSizeInBytes() {
        byte[] payload = paddedInit(MessageCodec.MAX_PAYLOAD_BYTES + 1);

        InvalidMessageException thrown = catchThrowableOfType(InvalidMessageException.class,
                () -> codec.decode(Topic.INIT, payload));

        assertThat(thrown.value()).isEqualTo((MessageCodec.MAX_PAYLOAD_BYTES + 1) + " B");
    }

    @Test
    void decode_shortensLongInvalidValue() {
        String json = "{\"ClientID\": \"" + "x".repeat(1000) + "\"}";

        InvalidMessageException thrown = catchThrowableOfType(InvalidMessageException.class,
                () -> codec.decode(Topic.INIT, utf8(json)));

        assertThat(thrown.problem()).isEqualTo(Problem.INVALID_FIELD);
        assertThat(thrown.value()).hasSizeLessThan(50).endsWith("...");
    }

    // ---- encoding ----

    static Stream<Arguments> encodedMessages() {
        return Stream.of(
                arguments(new InitMessage(4711), "{\"ClientID\":4711}"),
                arguments(new VoteMessage(4711, 30211), "{\"ClientID\":4711,\"VoteID\":30211}"),
                arguments(new ChallengeMessage(0, 5), "{\"TransactionID\":0,\"Challenge\":5}"),
                arguments(new SolutionMessage(4711, 0, "4711:0:93881"),
                        "{\"ClientID\":4711,\"TransactionID\":0,\"Solution\":\"4711:0:93881\"}"),
                arguments(new ResultMessage(4711, 0, "4711:0:93881", 1),
                        "{\"ClientID\":4711,\"TransactionID\":0,\"Solution\":\"4711:0:93881\",\"Result\":1}"));
    }

    @ParameterizedTest
    @MethodSource("encodedMessages")
    void encode_writesPascalCaseJson(Message message, String expectedJson) {
        byte[] payload = codec.encode(message);

        assertThat(new String(payload, StandardCharsets.UTF_8)).isEqualTo(expectedJson);
    }

    @ParameterizedTest
    @MethodSource("encodedMessages")
    void encodeThenDecode_returnsEqualMessage(Message message, String ignoredJson) throws Exception {
        byte[] payload = codec.encode(message);

        Message decoded = codec.decode(message.topic(), payload);

        assertThat(decoded).isEqualTo(message);
    }

    @Test
    void encodeThenDecode_keepsNonAsciiSolution() throws Exception {
        SolutionMessage message = new SolutionMessage(65535, Long.MAX_VALUE, "ação:€:\"quoted\"\\:ü");

        Message decoded = codec.decode(Topic.SOLUTION, codec.encode(message));

        assertThat(decoded).isEqualTo(message);
    }

    // ---- helpers ----

    private static Named<BadPayload> bad(String name, Topic topic, String json, Problem problem, String field) {
        return bad(name, topic, utf8(json), problem, field);
    }

    private static Named<BadPayload> bad(String name, Topic topic, byte[] payload, Problem problem, String field) {
        return Named.of(name, new BadPayload(topic, payload, problem, field));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Builds a valid init for ClientID 1 whose size is exactly {@code size} bytes, padded by an extra key. */
    private static byte[] paddedInit(int size) {
        String head = "{\"ClientID\": 1, \"padding\": \"";
        String tail = "\"}";
        String padding = "p".repeat(size - head.length() - tail.length());
        return utf8(head + padding + tail);
    }

    private static byte[] invalidUtf8Solution() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(utf8("{\"ClientID\": 1, \"TransactionID\": 0, \"Solution\": \"1:0:"));
        bytes.write(0xff);
        bytes.write(0xfe);
        bytes.write(0xc3);
        bytes.writeBytes(utf8("\"}"));
        return bytes.toByteArray();
    }
}
