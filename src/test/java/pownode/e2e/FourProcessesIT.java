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
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pownode.broker.EmbeddedBroker;
import pownode.testing.EventsLog;
import pownode.testing.FreePort;
import pownode.testing.JarProcess;
import pownode.testing.MosquittoBroker;

/** Four processes of the built JAR run three rounds on a real broker and agree on everything. */
class FourProcessesIT {
    private static final int NODES = 4;
    private static final int ROUNDS = 3;
    private static final Pattern LISTENING = Pattern.compile("127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path dir;

    @Test
    void fourProcesses_onMosquitto_agreeOnLeaderAndWinners() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.start(dir)) {
            runGroup(broker.uri());
        }
    }

    @Test
    void fourProcesses_onEmbeddedBroker_agreeOnLeaderAndWinners() throws Exception {
        try (JarProcess broker = JarProcess.start(dir.resolve("broker.log"), "broker", "--port", "0", "--lang", "en")) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !broker.process().isAlive() || LISTENING.matcher(broker.output()).find());
            Matcher port = LISTENING.matcher(broker.output());
            assertThat(port.find()).as(broker.output()).isTrue();

            runGroup("tcp://127.0.0.1:" + port.group(1));
        }
    }

    @Test
    void nodesStartedBeforeBroker_connectOnceItListens() throws Exception {
        int port = FreePort.pick();
        List<JarProcess> nodes = new ArrayList<>();
        try {
            // Two nodes start while nothing listens on the port yet.
            for (int i = 0; i < 2; i++) {
                nodes.add(JarProcess.start(dir.resolve("early-" + i + ".log"), "--nodes", "2",
                        "--broker", "tcp://127.0.0.1:" + port, "--rounds", "1", "--max-challenge", "2",
                        "--threads", "1", "--lang", "en"));
            }
            for (JarProcess node : nodes) {
                await().atMost(Duration.ofSeconds(30)).until(() -> node.output().contains("not reachable yet"));
            }

            // The broker starts within their connect timeout; they connect and finish a round.
            try (EmbeddedBroker broker = EmbeddedBroker.start("127.0.0.1", port)) {
                for (JarProcess node : nodes) {
                    assertThat(node.waitForExit(90)).as(node.output()).isZero();
                }
            }
        } finally {
            nodes.forEach(JarProcess::close);
        }
    }

    private void runGroup(String brokerUri) throws IOException, InterruptedException {
        String prefix = "e2e/" + UUID.randomUUID();
        List<JarProcess> nodes = new ArrayList<>();
        try {
            // Start the four peers at once, each with its own events file.
            for (int i = 0; i < NODES; i++) {
                nodes.add(JarProcess.start(dir.resolve("node-" + i + ".log"),
                        "--nodes", Integer.toString(NODES), "--broker", brokerUri, "--topic-prefix", prefix,
                        "--rounds", Integer.toString(ROUNDS), "--next-challenge-delay", "0",
                        "--max-challenge", "3", "--threads", "1", "--lang", "en",
                        "--events", dir.resolve("node-" + i + ".jsonl").toString()));
            }

            // Every peer exits 0 after the third accepted result.
            for (JarProcess node : nodes) {
                assertThat(node.waitForExit(120)).as(node.output()).isZero();
            }
        } finally {
            nodes.forEach(JarProcess::close);
        }

        // Their events files agree on the leader and on the winners of transactions 0, 1 and 2.
        List<EventsLog> logs = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            logs.add(EventsLog.read(dir.resolve("node-" + i + ".jsonl")));
        }
        EventsLog.assertSafety(logs);
        Map<Long, Integer> winners = logs.get(0).winners();
        assertThat(winners).containsOnlyKeys(0L, 1L, 2L);
        for (EventsLog log : logs) {
            assertThat(log.winners()).as("winners in %s", log.path()).isEqualTo(winners);
        }
        assertThat(logs.stream().filter(log -> log.role().equals("controller"))).hasSize(1);
        assertThat(Files.readString(dir.resolve("node-0.log"))).contains("Elected");
    }
}
