package pownode.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pownode.protocol.Topic;
import pownode.testing.EventsLog;
import pownode.testing.JarProcess;
import pownode.testing.MosquittoBroker;

/**
 * Three processes of the built JAR finish three rounds on Mosquitto while a client in the
 * test JVM floods all six topics with invalid, hostile and foreign payloads.
 *
 * <p>Forged messages are limited to ones a node must ignore or can absorb: a forged valid
 * challenge, an accepted result for an open TransactionID, a vote of a newer election or a
 * presence naming a leader would legitimately steer the group, because the protocol cannot
 * tell who sent them.
 */
class FloodIT {
    private static final int NODES = 3;
    private static final int ROUNDS = 3;
    private static final int PAYLOADS = 10_000;
    private static final long SEED = 20_240_501L;
    /** ClientIDs of the foreign senders; the group's nodes use 501 to 503. */
    private static final int FOREIGN_CLIENT_IDS_FROM = 20_000;
    /** TransactionIDs far above any that three rounds reach, so forged results name none of them. */
    private static final long FOREIGN_TRANSACTION_IDS_FROM = 1_000_000;
    private static final int MAX_WARNINGS_PER_NODE = 500;

    @TempDir
    Path dir;

    @Test
    void flood_threeNodesFinishRoundsAndStaySafe() throws Exception {
        String prefix = "flood/" + UUID.randomUUID();
        List<JarProcess> nodes = new ArrayList<>();
        PayloadGenerator generator = new PayloadGenerator(new Random(SEED));
        try (MosquittoBroker broker = MosquittoBroker.start(dir)) {
            // Three nodes with a small heap, slow enough rounds for the flood to overlap them.
            for (int i = 0; i < NODES; i++) {
                nodes.add(JarProcess.start(dir.resolve("node-" + i + ".log"), List.of("-Xmx256m"),
                        "--nodes", Integer.toString(NODES), "--broker", broker.uri(), "--topic-prefix", prefix,
                        "--client-id", Integer.toString(501 + i), "--rounds", Integer.toString(ROUNDS),
                        "--max-challenge", "3", "--threads", "1", "--next-challenge-delay", "1.5", "--lang", "en",
                        "--events", events(i).toString()));
            }

            // The flood starts once every node elected, so foreign inits cannot join the election.
            for (int i = 0; i < NODES; i++) {
                Path file = events(i);
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                        .until(() -> !EventsLog.read(file).all("elected").isEmpty());
            }
            // An asynchronous client, because waiting for each acknowledgement would stretch the flood
            // far beyond the rounds. Its QoS 1 messages stay below the in-flight limit of 1000.
            MqttAsyncClient flooder = new MqttAsyncClient(broker.uri(), "flooder-" + UUID.randomUUID(),
                    new MemoryPersistence());
            try {
                MqttConnectOptions options = new MqttConnectOptions();
                options.setCleanSession(true);
                options.setMaxInflight(1000);
                flooder.connect(options).waitForCompletion(10_000);
                long startedAt = System.nanoTime();
                List<IMqttDeliveryToken> tokens = new ArrayList<>();
                for (int i = 0; i < PAYLOADS; i++) {
                    Topic topic = Topic.values()[i % Topic.values().length];
                    tokens.add(generator.publish(flooder, topic.under(prefix), topic));
                }
                for (IMqttDeliveryToken token : tokens) {
                    token.waitForCompletion(30_000);
                }
                long aliveAfterFlood = nodes.stream().filter(node -> node.process().isAlive()).count();
                System.out.printf("FloodIT: published %d payloads in %d ms (%s); %d of %d nodes still ran after it%n",
                        PAYLOADS, (System.nanoTime() - startedAt) / 1_000_000, generator.counts(), aliveAfterFlood,
                        NODES);
            } finally {
                // Retained messages outlive the test run on the broker: an empty retained payload deletes each.
                for (Topic topic : Topic.values()) {
                    flooder.publish(topic.under(prefix), new byte[0], 1, true).waitForCompletion(10_000);
                }
                flooder.disconnect().waitForCompletion(10_000);
                flooder.close();
            }

            // Every node still finishes its three rounds.
            for (JarProcess node : nodes) {
                assertThat(node.waitForExit(120)).as(node.output()).isZero();
            }
        } finally {
            nodes.forEach(JarProcess::close);
        }

        // The group agrees on the leader and on the winners of TransactionIDs 0, 1 and 2.
        List<EventsLog> logs = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            logs.add(EventsLog.read(events(i)));
        }
        EventsLog.assertSafety(logs);
        for (EventsLog log : logs) {
            assertThat(log.winners()).as("winners in %s", log.path()).containsOnlyKeys(0L, 1L, 2L);
            assertThat(log.winners()).as("winners in %s", log.path()).isEqualTo(logs.get(0).winners());
            assertThat(log.winners().values()).as("winners in %s", log.path())
                    .allMatch(winner -> winner >= 501 && winner <= 503);
        }

        // The heap limit held, and warnings about bad input were rate-limited.
        for (JarProcess node : nodes) {
            String output = node.output();
            long warnings = output.lines().filter(line -> line.contains(" WARN ")).count();
            System.out.printf("FloodIT: %d WARN lines from: %s%n", warnings, output.lines().findFirst().orElse(""));
            assertThat(output).doesNotContain("OutOfMemoryError").doesNotContain("Exception in thread");
            assertThat(warnings).as("WARN lines for %d payloads", PAYLOADS).isLessThan(MAX_WARNINGS_PER_NODE);
        }
    }

    private Path events(int node) {
        return dir.resolve("node-" + node + ".jsonl");
    }

    /** Builds and publishes one hostile payload at a time, from a seeded generator. */
    private static final class PayloadGenerator {
        private enum Kind { RANDOM_BYTES, TRUNCATED, MUTATED, WRONG_TYPE, OUT_OF_RANGE, OVERSIZED, FOREIGN, RETAINED }

        private final Random random;
        private final Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        private int published;

        PayloadGenerator(Random random) {
            this.random = random;
        }

        Map<Kind, Integer> counts() {
            return counts;
        }

        /** Publishes the next payload; QoS 1 for one in 50, QoS 0 for the rest. */
        IMqttDeliveryToken publish(MqttAsyncClient client, String topicName, Topic topic) throws MqttException {
            Kind kind = nextKind();
            counts.merge(kind, 1, Integer::sum);
            byte[] payload = switch (kind) {
                case RANDOM_BYTES -> randomBytes(random.nextInt(300));
                case TRUNCATED -> truncate(foreign(topic));
                case MUTATED -> mutate(foreign(topic));
                case WRONG_TYPE -> utf8(wrongType(topic));
                case OUT_OF_RANGE -> utf8(outOfRange(topic));
                case OVERSIZED -> oversized();
                case FOREIGN, RETAINED -> foreign(topic);
            };
            MqttMessage message = new MqttMessage(payload);
            message.setQos(published % 50 == 0 ? 1 : 0);
            message.setRetained(kind == Kind.RETAINED);
            published++;
            return client.publish(topicName, message);
        }

        /** About 2 % oversized payloads of the first 250, then none; 0.5 % retained; the rest evenly. */
        private Kind nextKind() {
            if (published % 50 == 7 && counts.getOrDefault(Kind.OVERSIZED, 0) < 5) {
                return Kind.OVERSIZED;
            }
            if (published % 200 == 13) {
                return Kind.RETAINED;
            }
            Kind[] common = {Kind.RANDOM_BYTES, Kind.TRUNCATED, Kind.MUTATED, Kind.WRONG_TYPE, Kind.OUT_OF_RANGE,
                Kind.FOREIGN};
            return common[random.nextInt(common.length)];
        }

        private byte[] randomBytes(int length) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            return bytes;
        }

        private byte[] truncate(byte[] valid) {
            return java.util.Arrays.copyOf(valid, random.nextInt(valid.length));
        }

        private byte[] mutate(byte[] valid) {
            byte[] mutated = valid.clone();
            int flips = 1 + random.nextInt(3);
            for (int i = 0; i < flips; i++) {
                mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
            }
            return mutated;
        }

        private byte[] oversized() {
            String padding = "x".repeat(70 * 1024);
            return utf8("{\"ClientID\": " + foreignClientId() + ", \"Padding\": \"" + padding + "\"}");
        }

        private String wrongType(Topic topic) {
            String[] values = {"\"abc\"", "[1, 2]", "{}", "true", "1.5", "null", "\"\"", "\"12x\""};
            String value = values[random.nextInt(values.length)];
            return switch (random.nextInt(4)) {
                case 0 -> "[" + value + "]";
                case 1 -> value;
                default -> switch (topic) {
                    case INIT -> "{\"ClientID\": " + value + "}";
                    case VOTING -> "{\"ClientID\": " + foreignClientId() + ", \"VoteID\": " + value + "}";
                    case CHALLENGE -> "{\"TransactionID\": " + value + ", \"Challenge\": 2}";
                    case SOLUTION -> "{\"ClientID\": " + foreignClientId() + ", \"TransactionID\": "
                            + foreignTransactionId() + ", \"Solution\": " + value + "}";
                    case RESULT -> "{\"ClientID\": " + foreignClientId() + ", \"TransactionID\": "
                            + foreignTransactionId() + ", \"Solution\": \"s\", \"Result\": " + value + "}";
                    case PRESENCE -> "{\"ClientID\": " + foreignClientId() + ", \"Status\": " + value
                            + ", \"Session\": \"s\", \"Started\": 1}";
                };
            };
        }

        /**
         * A payload with one number outside its field's range. Only values that no field of the
         * message type accepts are used, so that no forged challenge or result becomes valid.
         */
        private String outOfRange(Topic topic) {
            String[] sixteenBit = {"-1", "65536", "70000", "-2147483649", "1e400"};
            String[] nonNegative = {"-1", "-5", "9223372036854775808", "-9223372036854775809", "1e400",
                "99999999999999999999999"};
            String id = sixteenBit[random.nextInt(sixteenBit.length)];
            String count = nonNegative[random.nextInt(nonNegative.length)];
            return switch (topic) {
                case INIT -> "{\"ClientID\": " + id + "}";
                case VOTING -> "{\"ClientID\": " + foreignClientId() + ", \"VoteID\": " + id + "}";
                case CHALLENGE -> random.nextBoolean()
                        ? "{\"TransactionID\": " + count + ", \"Challenge\": 2}"
                        : "{\"TransactionID\": " + foreignTransactionId() + ", \"Challenge\": "
                                + (random.nextBoolean() ? "0" : count) + "}";
                case SOLUTION -> "{\"ClientID\": " + id + ", \"TransactionID\": 0, \"Solution\": \"s\"}";
                case RESULT -> "{\"ClientID\": " + foreignClientId() + ", \"TransactionID\": " + count
                        + ", \"Solution\": \"s\", \"Result\": 1}";
                case PRESENCE -> "{\"ClientID\": " + foreignClientId() + ", \"Status\": \"online\", \"Session\": \"s\","
                        + " \"Started\": 1, \"Election\": " + count + "}";
            };
        }

        /**
         * A well-formed message from a foreign ClientID that the group must ignore or can
         * absorb: challenges too hard for any digest, results and solutions for TransactionIDs
         * no round reaches, first-election votes after the election, presences that name no leader.
         */
        private byte[] foreign(Topic topic) {
            int clientId = foreignClientId();
            String json = switch (topic) {
                case INIT -> "{\"ClientID\": " + clientId + "}";
                case VOTING -> "{\"clientId\": \"" + clientId + "\", \"vote_id\": " + random.nextInt(65_536) + "}";
                case CHALLENGE -> "{\"TransactionID\": " + foreignTransactionId() + ", \"Challenge\": "
                        + (41 + random.nextInt(1000)) + "}";
                case SOLUTION -> "{\"ClientID\": " + clientId + ", \"TransactionID\": " + foreignTransactionId()
                        + ", \"Solution\": \"" + clientId + ":" + random.nextInt() + "\"}";
                case RESULT -> "{\"ClientID\": " + clientId + ", \"TransactionID\": " + foreignTransactionId()
                        + ", \"Solution\": \"forged\", \"Result\": " + random.nextInt(2) + "}";
                case PRESENCE -> "{\"ClientID\": " + clientId + ", \"Status\": \""
                        + (random.nextBoolean() ? "online" : "offline") + "\", \"Session\": \"" + random.nextInt()
                        + "\", \"Started\": " + random.nextInt(Integer.MAX_VALUE) + ", \"Extra\": [1, 2]}";
            };
            return utf8(json);
        }

        private int foreignClientId() {
            return FOREIGN_CLIENT_IDS_FROM + random.nextInt(1000);
        }

        private long foreignTransactionId() {
            return FOREIGN_TRANSACTION_IDS_FROM + random.nextInt(1_000_000);
        }

        private static byte[] utf8(String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }
}
