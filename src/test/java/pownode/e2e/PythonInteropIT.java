package pownode.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pownode.broker.EmbeddedBroker;
import pownode.testing.EventsLog;
import pownode.testing.JarProcess;
import pownode.testing.MosquittoBroker;
import pownode.testing.PythonPeer;

/**
 * Mixed groups of the built JAR and the Python peer {@code src/test/python/student_peer.py}
 * run three rounds and agree on the leader and the winners, with either side as leader.
 * The Python peer does not reply to a late peer's {@code init} or vote with its own, and it
 * ignores the {@code presence} topic.
 * Mosquitto is the broker of every scenario, and the embedded broker runs the plain mixed group too.
 */
class PythonInteropIT {
    private static final int ROUNDS = 3;
    private static final long EXIT_TIMEOUT_SECONDS = 90;
    /** The Python peer's own limit, after which it exits with code 1. */
    private static final String PYTHON_TIMEOUT_SECONDS = "120";
    private static final int MAX_VOTE_ID = 65535;

    @TempDir
    Path dir;

    private final List<AutoCloseable> processes = new ArrayList<>();
    private final List<Member> members = new ArrayList<>();
    private final String prefix = "interop/" + UUID.randomUUID();

    /** One participant of the group: its process, its output file and its events file. */
    private record Member(String name, int clientId, Process process, Path output, Path events) {
        String outputText() throws IOException {
            return Files.readString(output);
        }
    }

    @BeforeAll
    static void requirePython() throws Exception {
        PythonPeer.requirePahoMqtt();
    }

    @AfterEach
    void stopProcesses() throws Exception {
        for (AutoCloseable process : processes) {
            process.close();
        }
    }

    @Test
    void twoJavaTwoPython_onMosquitto_agree() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.start(dir)) {
            startJava(broker.port(), 4, 3001, 11);
            startJava(broker.port(), 4, 3002, 12);
            startPython(broker.port(), 4, 3003, 13, null);
            startPython(broker.port(), 4, 3004, 14, null);

            List<EventsLog> logs = awaitRounds();

            assertThat(logs.get(0).leader()).isIn(3001, 3002, 3003, 3004);
        }
    }

    /**
     * Many students call {@code subscribe()} right after {@code connect()}, so the SUBSCRIBE
     * follows the CONNECT before the CONNACK arrives, which MQTT 3.1.1 allows.
     * NOTE: the embedded Moquette 0.17 broker drops such a connection ("SUBSCRIBE received on
     * already closed connection"), and the peer stays without subscriptions, so this runs on Mosquitto only.
     */
    @Test
    void earlySubscribingPython_onMosquitto_agree() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.start(dir)) {
            startJava(broker.port(), 4, 3201, 61);
            startJava(broker.port(), 4, 3202, 62);
            startPython(broker.port(), 4, 3203, 63, null, "--subscribe-early");
            startPython(broker.port(), 4, 3204, 64, null, "--subscribe-early");

            List<EventsLog> logs = awaitRounds();

            assertThat(logs.get(0).leader()).isIn(3201, 3202, 3203, 3204);
        }
    }

    @Test
    void twoJavaTwoPython_onEmbeddedBroker_agree() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start("127.0.0.1", 0)) {
            startJava(broker.port(), 4, 3101, 21);
            startJava(broker.port(), 4, 3102, 22);
            startPython(broker.port(), 4, 3103, 23, null);
            startPython(broker.port(), 4, 3104, 24, null);

            List<EventsLog> logs = awaitRounds();

            assertThat(logs.get(0).leader()).isIn(3101, 3102, 3103, 3104);
        }
    }

    @Test
    void pythonLeader_javaMinersFollow() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.start(dir)) {
            startJava(broker.port(), 4, 4001, 31);
            startJava(broker.port(), 4, 4002, 32);
            startPython(broker.port(), 4, 4003, 33, null);
            // The highest possible VoteID and the highest ClientID win even a tie.
            startPython(broker.port(), 4, 4004, 34, MAX_VOTE_ID);

            List<EventsLog> logs = awaitRounds();

            assertThat(logs.get(0).leader()).isEqualTo(4004);
            assertThat(logOf(4001).role()).isEqualTo("miner");
            assertThat(logOf(4002).role()).isEqualTo("miner");
            // The Java miners received every challenge of the Python leader.
            assertThat(logOf(4001).all("challenge")).hasSize(ROUNDS);
            assertThat(logOf(4002).all("challenge")).hasSize(ROUNDS);
        }
    }

    @Test
    void javaLeader_pythonMinersFollow() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.start(dir)) {
            // The Python peers vote 0 and have the lower ClientIDs, so they lose even a tie.
            startPython(broker.port(), 4, 5001, 41, 0);
            startPython(broker.port(), 4, 5002, 42, 0);
            startJava(broker.port(), 4, 5003, 43);
            startJava(broker.port(), 4, 5004, 44);

            List<EventsLog> logs = awaitRounds();

            assertThat(logs.get(0).leader()).isIn(5003, 5004);
            assertThat(logOf(5001).role()).isEqualTo("miner");
            assertThat(logOf(5002).role()).isEqualTo("miner");
            assertThat(logOf(5001).all("challenge")).hasSize(ROUNDS);
            assertThat(logOf(5002).all("challenge")).hasSize(ROUNDS);
        }
    }

    /**
     * The slow Python peer publishes {@code init} and its vote once, and drops votes that
     * arrive before its own election. It learns the others only because the Java nodes
     * re-publish their {@code init} and vote when they receive its own.
     */
    @Test
    void slowPythonStarter_javaNodesAnswer() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.start(dir)) {
            startJava(broker.port(), 4, 6001, 51);
            startJava(broker.port(), 4, 6002, 52);
            startJava(broker.port(), 4, 6003, 53);
            for (Member java : members) {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                        .until(() -> !java.process().isAlive() || java.outputText().contains("(3 of 4)"));
                assertThat(java.process().isAlive()).as(java.outputText()).isTrue();
            }

            startPython(broker.port(), 4, 6004, 54, null, "--init-once", "--drop-early-votes");

            awaitRounds();
            for (Member member : members.subList(0, 3)) {
                assertThat(member.outputText()).contains("Discovered participant 6004 (4 of 4)");
            }
        }
    }

    private void startJava(int brokerPort, int nodes, int clientId, int seed) throws IOException {
        String name = "java-" + clientId;
        Path output = dir.resolve(name + ".log");
        Path events = dir.resolve(name + ".jsonl");
        JarProcess jar = JarProcess.start(output,
                "--nodes", Integer.toString(nodes), "--broker", "tcp://127.0.0.1:" + brokerPort,
                "--topic-prefix", prefix, "--client-id", Integer.toString(clientId), "--seed", Integer.toString(seed),
                "--rounds", Integer.toString(ROUNDS), "--max-challenge", "3", "--next-challenge-delay", "0.3",
                "--threads", "1", "--lang", "en", "--events", events.toString());
        processes.add(jar);
        members.add(new Member(name, clientId, jar.process(), output, events));
    }

    /** Starts a Python peer; {@code voteId} null draws a random VoteID from {@code seed}. */
    private void startPython(int brokerPort, int nodes, int clientId, int seed, Integer voteId, String... extraArgs)
            throws IOException {
        String name = "python-" + clientId;
        Path output = dir.resolve(name + ".log");
        Path events = dir.resolve(name + ".jsonl");
        List<String> args = new ArrayList<>(List.of(
                "--broker-host", "127.0.0.1", "--broker-port", Integer.toString(brokerPort), "--prefix", prefix,
                "--nodes", Integer.toString(nodes), "--client-id", Integer.toString(clientId),
                "--seed", Integer.toString(seed), "--rounds", Integer.toString(ROUNDS), "--max-challenge", "3",
                "--delay", "0.3", "--threads", "1", "--timeout", PYTHON_TIMEOUT_SECONDS,
                "--events", events.toString()));
        if (voteId != null) {
            args.addAll(List.of("--vote-id", voteId.toString()));
        }
        args.addAll(List.of(extraArgs));
        PythonPeer peer = PythonPeer.start(output, args.toArray(String[]::new));
        processes.add(peer);
        members.add(new Member(name, clientId, peer.process(), output, events));
    }

    /**
     * Waits until every member exits with code 0 after {@link #ROUNDS} accepted results, then
     * checks that all events files agree on one leader and on the winner of each TransactionID.
     */
    private List<EventsLog> awaitRounds() throws IOException, InterruptedException {
        for (Member member : members) {
            boolean exited = member.process().waitFor(EXIT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertThat(exited).as("%s exited within %d s; output:%n%s", member.name(), EXIT_TIMEOUT_SECONDS,
                    member.outputText()).isTrue();
            assertThat(member.process().exitValue()).as("exit code of %s; output:%n%s", member.name(),
                    member.outputText()).isZero();
        }

        List<EventsLog> logs = new ArrayList<>();
        for (Member member : members) {
            logs.add(EventsLog.read(member.events()));
        }
        EventsLog.assertSafety(logs);

        Map<Long, Integer> winners = logs.get(0).winners();
        assertThat(winners).containsOnlyKeys(0L, 1L, 2L);
        Set<Integer> clientIds = members.stream().map(Member::clientId).collect(Collectors.toSet());
        assertThat(clientIds).containsAll(winners.values());
        for (EventsLog log : logs) {
            assertThat(log.winners()).as("winners in %s", log.path()).isEqualTo(winners);
        }

        List<EventsLog> controllers = logs.stream().filter(log -> log.role().equals("controller")).toList();
        assertThat(controllers).as("controllers").hasSize(1);
        assertThat(controllers.get(0).clientId()).isEqualTo(logs.get(0).leader());
        assertThat(controllers.get(0).all("solution")).as("solutions proposed by the controller").isEmpty();
        return logs;
    }

    private EventsLog logOf(int clientId) {
        Member member = members.stream().filter(m -> m.clientId() == clientId).findFirst().orElseThrow();
        return EventsLog.read(member.events());
    }
}
