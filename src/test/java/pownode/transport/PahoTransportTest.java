package pownode.transport;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pownode.broker.EmbeddedBroker;

/** The transport against the embedded broker, stopped and started again on the same port. */
class PahoTransportTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final List<String> TOPICS = List.of("transport-test/a", "transport-test/b", "transport-test/c");
    /** Publications to this topic are dropped while offline instead of kept. */
    private static final String NOT_KEPT = "transport-test/c";

    private EmbeddedBroker broker;
    private int port;
    private final RecordingListener listener = new RecordingListener();
    private PahoTransport transport;

    /** Starts a broker on a free port and connects a transport to it. */
    @BeforeEach
    void setUp() throws Exception {
        startBroker(0);
        BrokerSettings settings = new BrokerSettings("tcp://127.0.0.1:" + port, null, null, 5, 10);
        transport = new PahoTransport(settings, "transport-test", TOPICS, Set.of(NOT_KEPT));
        transport.connect(listener, "transport-test/a", "will".getBytes(UTF_8));
    }

    @AfterEach
    void tearDown() {
        if (transport != null) {
            transport.close();
        }
        broker.close();
    }

    @Test
    void brokerRestart_reconnectsAndDeliversKeptPublications() throws Exception {
        // The transport receives its own publication while connected.
        transport.publish("transport-test/a", "before".getBytes(UTF_8));
        await().atMost(TIMEOUT).until(() -> listener.payloads().contains("before"));

        // The broker goes away, and the transport keeps publications made meanwhile in order.
        stopBroker();
        transport.publish("transport-test/a", "offline-1".getBytes(UTF_8));
        transport.publish("transport-test/b", "offline-2".getBytes(UTF_8));
        transport.publish(NOT_KEPT, "offline-not-kept".getBytes(UTF_8));

        // A new broker on the same port has no subscriptions: the transport subscribes again and sends them.
        startBroker(port);
        await().atMost(TIMEOUT).until(() -> listener.reconnected.get() == 1);
        await().atMost(TIMEOUT).until(() -> listener.payloads().containsAll(List.of("offline-1", "offline-2")));

        List<String> payloads = listener.payloads();
        assertThat(payloads.indexOf("offline-1")).isLessThan(payloads.indexOf("offline-2"));
        assertThat(listener.dropped).isEmpty();

        // Publications after the reconnect still go out, on every topic; the one to NOT_KEPT made offline never does.
        transport.publish(NOT_KEPT, "after".getBytes(UTF_8));
        await().atMost(TIMEOUT).until(() -> listener.payloads().contains("after"));
        assertThat(listener.payloads()).doesNotContain("offline-not-kept");
    }

    @Test
    void brokerDown_reportsFailedAttemptsWithGrowingDelays() throws Exception {
        stopBroker();
        await().atMost(TIMEOUT).until(() -> listener.nextAttemptDelays.size() >= 2);

        // The delay before the next attempt doubles after each failure.
        assertThat(listener.nextAttemptDelays.get(0)).isEqualTo(2000L);
        assertThat(listener.nextAttemptDelays.get(1)).isEqualTo(4000L);
        assertThat(listener.reconnected.get()).isZero();

        startBroker(port);
        await().atMost(TIMEOUT).until(() -> listener.reconnected.get() == 1);
        assertThat(listener.lost.get()).isEqualTo(1);
    }

    @Test
    void closeWhileOffline_stopsReconnecting() throws Exception {
        stopBroker();
        transport.close();
        int failedAttempts = listener.nextAttemptDelays.size();
        startBroker(port);

        // Attempts come at most 2.4 s apart this early; none comes after the close.
        await().during(Duration.ofMillis(3000)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(listener.reconnected).hasValue(0);
            assertThat(listener.nextAttemptDelays).hasSize(failedAttempts);
        });
    }

    @Test
    void offlineQueueFull_dropsOldestAndReportsIt() throws Exception {
        stopBroker();
        for (int i = 0; i < 1002; i++) {
            transport.publish("transport-test/a", ("offline-" + i).getBytes(UTF_8));
        }
        assertThat(listener.dropped).containsExactly(
                "transport-test/a " + TransportListener.DropReason.OFFLINE_QUEUE_FULL,
                "transport-test/a " + TransportListener.DropReason.OFFLINE_QUEUE_FULL);

        // The 1,000 newest arrive after the reconnect; the two oldest were dropped.
        startBroker(port);
        await().atMost(TIMEOUT).until(() -> listener.payloads().contains("offline-1001"));
        assertThat(listener.payloads()).contains("offline-2").doesNotContain("offline-0", "offline-1");
    }

    private void startBroker(int requestedPort) throws Exception {
        broker = EmbeddedBroker.start("127.0.0.1", requestedPort);
        port = broker.port();
    }

    /** Stops the broker and waits until the transport reports the lost connection. */
    private void stopBroker() {
        broker.close();
        await().atMost(TIMEOUT).until(() -> listener.lost.get() == 1);
    }

    /** Records what the transport reports, from any thread. */
    private static final class RecordingListener implements TransportListener {
        final Queue<String> received = new ConcurrentLinkedQueue<>();
        final AtomicInteger lost = new AtomicInteger();
        final AtomicInteger reconnected = new AtomicInteger();
        final List<Long> nextAttemptDelays = new CopyOnWriteArrayList<>();
        final List<String> dropped = new CopyOnWriteArrayList<>();

        List<String> payloads() {
            return List.copyOf(received);
        }

        @Override
        public void messageArrived(String topic, byte[] payload, boolean retained) {
            received.add(new String(payload, UTF_8));
        }

        @Override
        public void connectionLost(Throwable cause) {
            lost.incrementAndGet();
        }

        @Override
        public void reconnectFailed(Throwable cause, long nextAttemptMillis) {
            nextAttemptDelays.add(nextAttemptMillis);
        }

        @Override
        public void reconnected() {
            reconnected.incrementAndGet();
        }

        @Override
        public void publicationDropped(String topic, DropReason reason) {
            dropped.add(topic + " " + reason);
        }
    }
}
