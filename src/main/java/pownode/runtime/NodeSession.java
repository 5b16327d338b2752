package pownode.runtime;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttException;
import pownode.mining.Kernels;
import pownode.mining.Miner;
import pownode.mining.ParallelMiner;
import pownode.node.Identity;
import pownode.node.Node;
import pownode.node.NodeConfig;
import pownode.protocol.MessageCodec;
import pownode.protocol.PresenceMessage;
import pownode.protocol.Topic;
import pownode.transport.PahoTransport;
import pownode.transport.SubscriptionRejectedException;

/** One peer from start to exit: connects, runs the event loop, disconnects. */
public final class NodeSession {
    /** Exit code when the node finished its rounds or was stopped. */
    public static final int EXIT_OK = 0;
    /** Exit code when the broker could not be reached at start. */
    public static final int EXIT_UNREACHABLE = 1;
    /** Pause between attempts to reach a broker that is not up yet. */
    private static final long CONNECT_RETRY_MILLIS = 1000;
    /** Exit code when another process uses this node's ClientID. */
    public static final int EXIT_DUPLICATE_CLIENT_ID = 3;

    private final NodeSettings settings;
    private final Identity identity;
    private final MessageCodec codec = new MessageCodec();
    private final Node node;
    private final Presenter presenter;
    private volatile NodeRuntime runtime;
    /** The thread blocked in a connection attempt, interrupted by a stop request; null otherwise. */
    private volatile Thread connectingThread;
    private volatile boolean stopRequested;

    public NodeSession(NodeSettings settings) {
        this.settings = settings;
        this.identity = new Identity(randomHex(8), System.currentTimeMillis(), settings.clientIdWasRandom());
        this.node = new Node(settings.node(), settings.random(), identity);
        NodeConfig config = settings.node();
        this.presenter = new Presenter(settings.messages(), config.clientId(), config.difficulty(),
                settings.topicPrefix());
    }

    /** Returns the state machine; read it only after {@link #run()} returned. */
    public Node node() {
        return node;
    }

    /** Asks a running session to disconnect and return; safe from any thread, also before it runs. */
    public void requestStop() {
        stopRequested = true;
        NodeRuntime current = runtime;
        if (current != null) {
            current.requestStop();
            return;
        }
        Thread connecting = connectingThread;
        if (connecting != null) {
            connecting.interrupt();
        }
    }

    /** Runs the peer until it finishes its rounds or is stopped; returns the process exit code. */
    public int run() throws IOException, InterruptedException {
        NodeConfig config = settings.node();
        String mqttClientId = "pownode-" + config.clientId() + "-" + randomHex(4);
        presenter.info("transport.connecting", settings.broker().uri(), config.clientId(), settings.topicPrefix());
        try (EventsFile events = openEvents(config.clientId());
                PahoTransport transport = newTransport(mqttClientId)) {
            NodeRuntime loop = new NodeRuntime(node, config.difficulty(), settings.topicPrefix(), transport::publish,
                    this::newMiner, presenter, events, NodeSession::monotonicMillis, Clock.systemUTC(),
                    System.console() != null);
            try (Miner miner = loop.miner()) {
                if (!connect(transport, loop)) {
                    // Ctrl-C while connecting is a normal stop, not an unreachable broker.
                    return stopRequested ? EXIT_OK : EXIT_UNREACHABLE;
                }
                presenter.info("transport.connected", settings.broker().uri(), mqttClientId,
                        settings.topicPrefix() + "/#");
                presenter.info("mining.kernel", miner.kernelName(), settings.minerThreads());
                runtime = loop;
                if (stopRequested) {
                    return EXIT_OK;
                }
                NodeRuntime.Outcome outcome = loop.run();
                if (transport.isConnected()) {
                    presenter.info("transport.disconnecting");
                }
                return outcome == NodeRuntime.Outcome.ABORTED ? EXIT_DUPLICATE_CLIENT_ID : EXIT_OK;
            }
        }
    }

    /**
     * Connects within the connect timeout. A broker that refuses or does not respond yet is
     * tried again every {@link #CONNECT_RETRY_MILLIS}, so nodes may start before their broker;
     * rejected credentials and TLS failures end the attempt at once.
     */
    private boolean connect(PahoTransport transport, NodeRuntime loop) {
        connectingThread = Thread.currentThread();
        try {
            return connectUntilDeadline(transport, loop);
        } catch (InterruptedException e) {
            // Only a stop request interrupts this thread here.
            return false;
        } finally {
            connectingThread = null;
            Thread.interrupted();
        }
    }

    private boolean connectUntilDeadline(PahoTransport transport, NodeRuntime loop) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(settings.broker().connectTimeoutSeconds());
        boolean retryAnnounced = false;
        while (!stopRequested) {
            try {
                transport.connect(loop.transportListener(), Topic.PRESENCE.under(settings.topicPrefix()), lastWill());
                return true;
            } catch (SubscriptionRejectedException e) {
                presenter.error("transport.subscribeRejected", settings.broker().uri(), e.topic());
                return false;
            } catch (MqttException e) {
                if (stopRequested) {
                    return false;
                }
                if (isAuthenticationFailure(e)) {
                    presenter.error("transport.authFailed", settings.broker().uri(), describe(e));
                    return false;
                }
                if (!isWorthRetrying(e) || stopRequested || System.nanoTime() - deadline > 0) {
                    presenter.error("transport.connectFailed", settings.broker().uri(),
                            settings.broker().connectTimeoutSeconds(), describe(e));
                    return false;
                }
                if (!retryAnnounced) {
                    presenter.warn("transport.retrying", settings.broker().uri(), describe(e));
                    retryAnnounced = true;
                }
                // Pacing between connection attempts to a broker that is not up yet.
                Thread.sleep(CONNECT_RETRY_MILLIS);
            }
        }
        return false;
    }

    private static boolean isAuthenticationFailure(MqttException e) {
        int reason = e.getReasonCode();
        return reason == MqttException.REASON_CODE_FAILED_AUTHENTICATION
                || reason == MqttException.REASON_CODE_NOT_AUTHORIZED;
    }

    /** Tells whether a failed connection may succeed later: refused, unreachable or timed out. */
    private static boolean isWorthRetrying(MqttException e) {
        if (e.getReasonCode() == MqttException.REASON_CODE_CLIENT_TIMEOUT) {
            return true;
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException
                    || cause instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Encodes the leave message that the broker publishes when this node vanishes without one.
     * NOTE: it keeps the first ClientID even if a duplicate makes the node draw another.
     */
    private byte[] lastWill() {
        return codec.encode(new PresenceMessage(settings.node().clientId(), false, identity.session(),
                identity.startedAtMillis(), 0, -1));
    }

    private PahoTransport newTransport(String mqttClientId) throws IOException {
        List<String> topics = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            topics.add(topic.under(settings.topicPrefix()));
        }
        try {
            // A challenge kept while offline may clash with a successor's; the controller republishes its own.
            Set<String> notKeptOffline = Set.of(Topic.CHALLENGE.under(settings.topicPrefix()));
            return new PahoTransport(settings.broker(), mqttClientId, topics, notKeptOffline);
        } catch (MqttException e) {
            throw new IOException("cannot create the MQTT client for " + settings.broker().uri(), e);
        }
    }

    private EventsFile openEvents(int clientId) throws IOException {
        return settings.eventsPath() == null ? null : EventsFile.open(settings.eventsPath(), clientId);
    }

    private Miner newMiner(Miner.SolutionListener listener) {
        return new ParallelMiner(Kernels.fastest(), settings.minerThreads(), listener);
    }

    private static String describe(MqttException e) {
        Throwable cause = e.getCause();
        String reason = e.getMessage() + " (" + e.getReasonCode() + ")";
        return cause == null ? reason : reason + ": " + cause;
    }

    /** Random hex that stays unique even when two nodes share a ClientID or a seed. */
    private static String randomHex(int byteCount) {
        byte[] bytes = new byte[byteCount];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static long monotonicMillis() {
        return System.nanoTime() / 1_000_000;
    }
}
