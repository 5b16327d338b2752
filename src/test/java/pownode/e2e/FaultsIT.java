package pownode.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pownode.testing.EventsLog;
import pownode.testing.JarProcess;
import pownode.testing.MosquittoBroker;
import pownode.testing.TcpProxy;

/**
 * Processes of the built JAR on Mosquitto, with faults injected: a killed leader, a killed
 * miner, a late joiner, a broker restart, a cut leader's link and a duplicate ClientID.
 * Nodes run until stopped; each test stops them with SIGTERM, expects exit code 0, and
 * checks the events files.
 */
class FaultsIT {
    /**
     * MQTT keep-alive of the nodes. Mosquitto publishes the will of a hung node after 1.5 times
     * this, and at once when a killed process's socket closes.
     */
    private static final String KEEP_ALIVE_SECONDS = "2";
    private static final Duration GROUP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(200);

    @TempDir
    Path dir;

    private final List<JarProcess> processes = new ArrayList<>();
    private final String prefix = "faults/" + UUID.randomUUID();

    @AfterEach
    void stopProcesses() {
        processes.forEach(JarProcess::close);
    }

    @Test
    void leaderKilled_survivorsElectNewLeader() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.start(dir)) {
            // Four nodes elect a leader and finish two rounds.
            List<Node> nodes = startGroup(broker.uri(), 4, 101);
            awaitAcceptedResults(nodes, 2, -1);
            Node leader = leaderOf(nodes);
            List<Node> survivors = without(nodes, leader);
            long lastBeforeKill = highestChallenge(nodes);

            // SIGKILL: the leader sends no leave message, so the survivors learn of it from its will.
            Instant killedAt = Instant.now();
            leader.process().process().destroyForcibly();
            assertThat(leader.process().waitForExit(10)).as("exit code of SIGKILL").isEqualTo(137);

            // The survivors elect a new leader and accept two results under it.
            awaitAcceptedResults(survivors, 2, lastBeforeKill);

            // Time from the kill to the leader's departure and to the new leader's first challenge,
            // on each survivor. A challenge that the old leader published just before the kill does not count.
            for (Node survivor : survivors) {
                EventsLog log = survivor.log();
                Instant left = Instant.parse(log.all("left").get(0).get("time").asText());
                Instant challenge = firstChallengeAfter(log, electedAt(log, 1));
                Duration gap = Duration.between(killedAt, challenge);
                System.out.printf("FaultsIT: node %d saw the leader leave after %d ms and the next challenge after %d ms%n",
                        survivor.clientId(), Duration.between(killedAt, left).toMillis(), gap.toMillis());
                assertThat(gap).as("kill to next challenge on %d", survivor.clientId())
                        .isLessThan(Duration.ofSeconds(30));
            }

            // SIGTERM: every survivor stops cleanly.
            stopAll(survivors);
        }

        // All four events files agree, and each survivor saw the leader leave and elected a new one.
        List<EventsLog> logs = readLogs(4);
        EventsLog.assertSafety(logs);
        int oldLeader = logs.get(0).leader();
        for (EventsLog log : logs) {
            if (log.clientId() == oldLeader) {
                continue;
            }
            assertThat(log.all("left")).as("left events in %s", log.path())
                    .extracting(event -> event.get("participant").asInt()).contains(oldLeader);
            assertThat(log.all("electionStarted")).as("electionStarted events in %s", log.path()).isNotEmpty();
            assertThat(log.leaders()).as("leaders in %s", log.path()).containsKey(1);
            assertThat(log.leaders().get(1)).as("new leader in %s", log.path()).isNotEqualTo(oldLeader);
        }
    }

    @Test
    void minerKilled_roundsGoOn() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.start(dir)) {
            // Four nodes elect a leader and finish one round.
            List<Node> nodes = startGroup(broker.uri(), 4, 201);
            awaitAcceptedResults(nodes, 1, -1);
            Node leader = leaderOf(nodes);
            Node victim = without(nodes, leader).get(0);
            List<Node> survivors = without(nodes, victim);
            long lastBeforeKill = highestChallenge(nodes);

            // SIGKILL one miner; the others keep mining under the same leader.
            victim.process().process().destroyForcibly();
            victim.process().waitForExit(10);
            awaitAcceptedResults(survivors, 2, lastBeforeKill);
            await().atMost(GROUP_TIMEOUT).pollInterval(POLL).ignoreExceptions()
                    .until(() -> leftEvents(leader.log()).contains(victim.clientId()));

            stopAll(survivors);
        }

        // No new election: the miner's departure changes nothing but the count of live participants.
        List<EventsLog> logs = readLogs(4);
        EventsLog.assertSafety(logs);
        for (EventsLog log : logs) {
            assertThat(log.leaders()).as("leaders in %s", log.path()).containsOnlyKeys(0);
            assertThat(log.all("electionStarted")).as("electionStarted events in %s", log.path()).isEmpty();
        }
    }

    @Test
    void lateJoiner_adoptsLeaderAndMines() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.start(dir)) {
            // Three nodes elect a leader and finish one round.
            List<Node> nodes = new ArrayList<>(startGroup(broker.uri(), 3, 301));
            awaitAcceptedResults(nodes, 1, -1);

            // A fourth node starts later, with the same --nodes 3, and follows the running leader.
            Node late = startNode(broker.uri(), 3, 304, 3);
            nodes.add(late);
            await().atMost(GROUP_TIMEOUT).pollInterval(POLL).ignoreExceptions()
                    .until(() -> acceptedResults(late.log(), -1) >= 2);

            stopAll(nodes);
        }

        // The newcomer adopted the group's leader of election 0 without voting, then received results.
        List<EventsLog> logs = readLogs(4);
        EventsLog.assertSafety(logs);
        EventsLog late = logs.get(3);
        List<JsonNode> elected = late.all("elected");
        assertThat(elected).hasSize(1);
        assertThat(elected.get(0).path("adopted").asBoolean()).as("adopted in %s", elected.get(0)).isTrue();
        assertThat(elected.get(0).get("role").asText()).isEqualTo("miner");
        assertThat(late.leader()).isEqualTo(logs.get(0).leader());
        assertThat(late.winners()).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void brokerRestarted_nodesReconnectAndCarryOn() throws Exception {
        List<Node> nodes;
        try (MosquittoBroker broker = MosquittoBroker.start(dir)) {
            // Three nodes elect a leader and finish two rounds.
            nodes = startGroup(broker.uri(), 3, 401);
            awaitAcceptedResults(nodes, 2, -1);
            long lastBeforeRestart = highestChallenge(nodes);

            // Mosquitto stops and starts again on the same port, forgetting every subscription.
            broker.restart();

            // The nodes reconnect, subscribe again, and accept two more results.
            awaitAcceptedResults(nodes, 2, lastBeforeRestart);
            stopAll(nodes);
        }

        // Mosquitto 2.0 publishes the wills of the clients it disconnects first to those it disconnects
        // later, so the shutdown often causes one re-election. The invariants must hold either way.
        List<EventsLog> logs = readLogs(3);
        EventsLog.assertSafety(logs);
        for (Node node : nodes) {
            assertThat(node.process().output()).as("output of %d", node.clientId()).contains("Reconnected");
        }
    }

    @Test
    void leaderLinkCut_oldLeaderFollowsSuccessor() throws Exception {
        List<Node> nodes = new ArrayList<>();
        List<TcpProxy> proxies = new ArrayList<>();
        try (MosquittoBroker broker = MosquittoBroker.start(dir)) {
            // Three nodes, each behind its own proxy, elect a leader and finish two rounds.
            for (int i = 0; i < 3; i++) {
                proxies.add(TcpProxy.start(broker.port()));
                nodes.add(startNode(proxies.get(i).uri(), 3, 501 + i, i));
            }
            awaitAcceptedResults(nodes, 2, -1);
            Node leader = leaderOf(nodes);
            List<Node> others = without(nodes, leader);

            // Only the leader's link drops: the broker publishes its will, and the others elect a successor.
            TcpProxy leaderLink = proxies.get(nodes.indexOf(leader));
            leaderLink.cut();
            for (Node node : others) {
                await().atMost(GROUP_TIMEOUT).pollInterval(POLL).ignoreExceptions()
                        .until(() -> node.log().leaders().containsKey(1));
            }
            int successor = others.get(0).log().leaders().get(1);

            // The link comes back: the old leader reconnects, learns of election 1 and follows its leader.
            leaderLink.restore();
            await().atMost(GROUP_TIMEOUT).pollInterval(POLL).ignoreExceptions()
                    .until(() -> leader.log().leaders().containsKey(1));
            assertThat(leader.log().leaders().get(1)).isEqualTo(successor);
            assertThat(leader.log().lastRole()).isEqualTo("miner");

            // The group goes on under one controller, the old leader included.
            long lastBeforeReturn = highestChallenge(nodes);
            awaitAcceptedResults(nodes, 2, lastBeforeReturn);
            stopAll(nodes);
        } finally {
            proxies.forEach(TcpProxy::close);
        }

        EventsLog.assertSafety(readLogs(3));
    }

    @Test
    void duplicateClientId_laterProcessExitsWithCode3() throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.start(dir)) {
            // The first process with --client-id 7 connects and waits for a second participant.
            Node first = startNode(broker.uri(), 2, 7, 0);
            await().atMost(GROUP_TIMEOUT).pollInterval(POLL)
                    .until(() -> first.process().output().contains("Connected to"));

            // A second process with the same --client-id stops with exit code 3 and names the ClientID.
            Node second = startNode(broker.uri(), 2, 7, 1);
            int exitCode = second.process().waitForExit(GROUP_TIMEOUT.toSeconds());

            String output = second.process().output();
            assertThat(exitCode).as(output).isEqualTo(3);
            assertThat(output).contains("ERROR 7 Another node started earlier with ClientID 7");
            assertThat(first.process().process().isAlive()).as("first process still running").isTrue();
            stopAll(List.of(first));
        }
    }

    // ---- helpers ----

    /** A started node: its process, fixed ClientID and events file. */
    private record Node(JarProcess process, int clientId, Path events) {
        EventsLog log() {
            return EventsLog.read(events);
        }
    }

    /** Starts {@code count} nodes with ClientIDs from {@code firstClientId} on, numbered 0 to count - 1. */
    private List<Node> startGroup(String brokerUri, int count, int firstClientId) throws IOException {
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            nodes.add(startNode(brokerUri, count, firstClientId + i, i));
        }
        return nodes;
    }

    private Node startNode(String brokerUri, int participants, int clientId, int number) throws IOException {
        Path events = dir.resolve("node-" + number + ".jsonl");
        JarProcess process = JarProcess.start(dir.resolve("node-" + number + ".log"),
                "--nodes", Integer.toString(participants), "--broker", brokerUri, "--topic-prefix", prefix,
                "--client-id", Integer.toString(clientId), "--max-challenge", "3", "--threads", "1",
                "--next-challenge-delay", "0.3", "--keep-alive", KEEP_ALIVE_SECONDS, "--lang", "en",
                "--events", events.toString());
        processes.add(process);
        return new Node(process, clientId, events);
    }

    /** Waits until every node recorded {@code count} accepted results above TransactionID {@code above}. */
    private static void awaitAcceptedResults(List<Node> nodes, int count, long above) throws IOException {
        for (Node node : nodes) {
            try {
                await().atMost(GROUP_TIMEOUT).pollInterval(POLL).ignoreExceptions()
                        .alias("accepted results on " + node.clientId())
                        .until(() -> acceptedResults(node.log(), above) >= count);
            } catch (ConditionTimeoutException e) {
                StringBuilder outputs = new StringBuilder(e.getMessage());
                for (Node other : nodes) {
                    outputs.append("\n--- output of ").append(other.clientId()).append('\n')
                            .append(other.process().output());
                }
                throw new AssertionError(outputs.toString(), e);
            }
        }
    }

    private static long acceptedResults(EventsLog log, long above) {
        return log.winners().keySet().stream().filter(id -> id > above).count();
    }

    /** Returns the node that the first node's events file names as the current leader. */
    private static Node leaderOf(List<Node> nodes) {
        List<Integer> leaders = new ArrayList<>(nodes.get(0).log().leaders().values());
        int leader = leaders.get(leaders.size() - 1);
        return nodes.stream().filter(node -> node.clientId() == leader).findFirst().orElseThrow();
    }

    private static List<Node> without(List<Node> nodes, Node removed) {
        return nodes.stream().filter(node -> node != removed).toList();
    }

    private static long highestChallenge(List<Node> nodes) {
        long highest = -1;
        for (Node node : nodes) {
            for (JsonNode challenge : node.log().all("challenge")) {
                highest = Math.max(highest, challenge.get("transactionId").asLong());
            }
        }
        return highest;
    }

    private static Instant electedAt(EventsLog log, int election) {
        for (JsonNode elected : log.all("elected")) {
            if (elected.get("election").asInt() == election) {
                return Instant.parse(elected.get("time").asText());
            }
        }
        throw new AssertionError("no elected event of election " + election + " in " + log.path());
    }

    /** Returns the time of the first challenge recorded at or after {@code after}. */
    private static Instant firstChallengeAfter(EventsLog log, Instant after) {
        for (JsonNode challenge : log.all("challenge")) {
            Instant time = Instant.parse(challenge.get("time").asText());
            if (!time.isBefore(after)) {
                return time;
            }
        }
        throw new AssertionError("no challenge after " + after + " in " + log.path());
    }

    private static List<Integer> leftEvents(EventsLog log) {
        return log.all("left").stream().map(event -> event.get("participant").asInt()).toList();
    }

    /** Sends SIGTERM to each node and expects exit code 0. */
    private static void stopAll(List<Node> nodes) throws IOException, InterruptedException {
        for (Node node : nodes) {
            node.process().process().destroy();
        }
        for (Node node : nodes) {
            assertThat(node.process().waitForExit(30)).as(node.process().output()).isZero();
        }
    }

    private List<EventsLog> readLogs(int count) throws IOException {
        List<EventsLog> logs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path events = dir.resolve("node-" + i + ".jsonl");
            assertThat(Files.exists(events)).as("events file %s", events).isTrue();
            logs.add(EventsLog.read(events));
        }
        return logs;
    }
}
