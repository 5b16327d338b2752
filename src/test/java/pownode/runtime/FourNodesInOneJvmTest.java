package pownode.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pownode.broker.EmbeddedBroker;
import pownode.i18n.Language;
import pownode.i18n.Messages;
import pownode.node.NodeConfig;
import pownode.node.Phase;
import pownode.protocol.Difficulty;
import pownode.testing.EventsLog;
import pownode.transport.BrokerSettings;

/** Four sessions in this JVM, on the embedded broker, run three rounds together. */
class FourNodesInOneJvmTest {
    private static final int NODES = 4;
    private static final int ROUNDS = 3;

    @TempDir
    Path dir;

    @Test
    void fourNodes_onEmbeddedBroker_finishThreeRoundsInAgreement() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(NODES);
        try (EmbeddedBroker broker = EmbeddedBroker.start("127.0.0.1", 0)) {
            String uri = "tcp://127.0.0.1:" + broker.port();

            // Start four sessions with fixed ClientIDs and seeds.
            List<NodeSession> sessions = new ArrayList<>();
            List<Future<Integer>> exits = new ArrayList<>();
            for (int i = 0; i < NODES; i++) {
                NodeSession session = new NodeSession(settings(uri, 100 + i, i));
                sessions.add(session);
                exits.add(threads.submit(session::run));
            }

            // Each one exits with code 0 after the third result.
            await().atMost(Duration.ofSeconds(90)).until(() -> exits.stream().allMatch(Future::isDone));
            for (Future<Integer> exit : exits) {
                assertThat(exit.get()).isZero();
            }

            // Same leader and same winners everywhere; the leader never mined.
            List<EventsLog> logs = new ArrayList<>();
            for (int i = 0; i < NODES; i++) {
                logs.add(EventsLog.read(dir.resolve("node-" + i + ".jsonl")));
            }
            EventsLog.assertSafety(logs);
            Map<Long, Integer> winners = logs.get(0).winners();
            assertThat(winners).containsOnlyKeys(0L, 1L, 2L);
            logs.forEach(log -> assertThat(log.winners()).isEqualTo(winners));
            long controllers = sessions.stream().filter(s -> s.node().phase() == Phase.CONTROLLER).count();
            assertThat(controllers).isEqualTo(1);
            int leader = logs.get(0).leader();
            assertThat(winners.values()).doesNotContain(leader);
        } finally {
            threads.shutdownNow();
        }
    }

    private NodeSettings settings(String uri, int clientId, int index) {
        NodeConfig config = new NodeConfig(clientId, NODES, Difficulty.HEX, 1, 3, 0, ROUNDS,
                NodeConfig.DEFAULT_REPUBLISH_INTERVAL_MILLIS);
        BrokerSettings broker = new BrokerSettings(uri, null, null, BrokerSettings.DEFAULT_KEEP_ALIVE_SECONDS, 10);
        return new NodeSettings(config, broker, "it/" + index / NODES, 1, new SplittableRandom(index),
                dir.resolve("node-" + index + ".jsonl"), Messages.of(Language.EN), false);
    }
}
