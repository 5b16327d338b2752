package pownode.transport;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pownode.transport.OfflineQueue.Publication;
import pownode.transport.TransportListener.DropReason;

/**
 * The only class that touches Paho. It connects with a clean session, subscribes to every
 * topic before the node publishes anything, and publishes with QoS 1, never retained.
 *
 * <p>It reconnects by itself, with a new Paho client for each attempt, instead of using
 * Paho's automatic reconnect. Paho 1.2.5 can queue the acknowledgement of a message that
 * arrived as the connection dropped. Its next connect attempt then stops its sender thread
 * before the CONNECT packet is queued, so the client stays in "connecting" with an open socket
 * and never sends CONNECT. A new client starts with empty queues.
 *
 * <p>While offline, publications wait in an {@link OfflineQueue}. Those that were in flight
 * when the connection dropped join them. Each publication therefore reaches the broker at
 * least once, as QoS 1 promises, unless the queue overflows or the node stops while offline.
 */
public final class PahoTransport implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PahoTransport.class);
    private static final int QOS = 1;
    /** Paho's default of 10 in-flight QoS 1 messages is far too low for a controller under load. */
    private static final int MAX_IN_FLIGHT = 1000;
    private static final int OFFLINE_QUEUE_SIZE = 1000;
    private static final long FIRST_RECONNECT_DELAY_MILLIS = 1000;
    private static final long MAX_RECONNECT_DELAY_MILLIS = 8000;
    private static final long DISCONNECT_QUIESCE_MILLIS = 2000;
    /**
     * Maximum wait for one connection attempt, CONNACK and SUBACK included. Keep-alive does not
     * run during the handshake, so a broker that accepts TCP and never replies would otherwise
     * hold an attempt for the whole connect timeout.
     */
    private static final long ATTEMPT_TIMEOUT_MILLIS = 10_000;
    private static final long RECONNECTOR_STOP_SECONDS = 5;

    private final BrokerSettings settings;
    private final String mqttClientId;
    private final String[] topics;
    private final int[] qualities;
    private final Set<String> notKeptOffline;
    private final OfflineQueue offline = new OfflineQueue(OFFLINE_QUEUE_SIZE);
    private final ScheduledExecutorService reconnector = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mqtt-reconnect");
        thread.setDaemon(true);
        return thread;
    });
    /** Guards {@link #current} and {@link #lost}, and orders going online against queueing. */
    private final Object stateLock = new Object();
    /** The connected client, or null while offline. */
    private MqttAsyncClient current;
    /** The client whose connection dropped, closed before the next attempt. */
    private MqttAsyncClient lost;
    private volatile boolean closed;
    private volatile TransportListener listener;
    private volatile MqttConnectOptions options;

    /** Creates a transport that keeps publications to every topic for the next connection. */
    public PahoTransport(BrokerSettings settings, String mqttClientId, List<String> topics) throws MqttException {
        this(settings, mqttClientId, topics, Set.of());
    }

    /**
     * @param mqttClientId the MQTT client id, unique on the broker, fixed before connecting
     * @param notKeptOffline topics whose publications are dropped instead of sent after a reconnect,
     *     because they may be stale by then and the caller publishes them again itself
     * @throws MqttException when Paho rejects the broker URI
     */
    public PahoTransport(BrokerSettings settings, String mqttClientId, List<String> topics, Set<String> notKeptOffline)
            throws MqttException {
        this.settings = settings;
        this.notKeptOffline = Set.copyOf(notKeptOffline);
        this.mqttClientId = mqttClientId;
        this.topics = topics.toArray(String[]::new);
        this.qualities = new int[this.topics.length];
        Arrays.fill(qualities, QOS);
        // Paho validates the URI when it creates a client.
        newClient().close();
    }

    /**
     * Connects and subscribes, waiting at most 10 s, or the shorter connect timeout, for each
     * step. The broker publishes {@code willPayload} on {@code willTopic} if this client
     * vanishes without disconnecting. A failed attempt leaves nothing behind, so the caller may
     * try again.
     */
    public void connect(TransportListener listener, String willTopic, byte[] willPayload) throws MqttException {
        this.listener = listener;
        MqttConnectOptions connectOptions = connectOptions();
        connectOptions.setWill(willTopic, willPayload, QOS, false);
        this.options = connectOptions;
        MqttAsyncClient client = open();
        if (!goOnline(client)) {
            listener.connectionLost(new MqttException(MqttException.REASON_CODE_CONNECTION_LOST));
            scheduleReconnect(FIRST_RECONNECT_DELAY_MILLIS);
        }
    }

    /**
     * Queues a QoS 1 publication, or keeps it for the next connection while offline. More
     * than {@link #MAX_IN_FLIGHT} publications waiting for their acknowledgement, as under a
     * flood, make Paho reject it, and the listener receives a drop report.
     */
    public void publish(String topic, byte[] payload) {
        Publication publication = new Publication(topic, payload);
        MqttAsyncClient client;
        synchronized (stateLock) {
            client = current;
            if (client == null) {
                keepForReconnect(publication);
                return;
            }
        }
        send(client, publication);
    }

    /**
     * Waits for queued publications, up to a short quiesce time, then disconnects. While
     * offline it stops reconnecting, and the publications kept for the next connection are lost.
     *
     * <p>NOTE: a connected client is only disconnected, not closed. Paho 1.2.5 can throw a
     * NullPointerException in its receiver thread when {@code close()} runs while that thread
     * still reads (paho.mqtt.java issue 955); after a disconnect its threads end anyway.
     */
    @Override
    public void close() {
        closed = true;
        stopReconnecting();
        MqttAsyncClient client;
        MqttAsyncClient dropped;
        synchronized (stateLock) {
            client = current;
            dropped = lost;
            current = null;
            lost = null;
        }
        discard(dropped);
        if (client == null) {
            return;
        }
        try {
            client.disconnect(DISCONNECT_QUIESCE_MILLIS).waitForCompletion(DISCONNECT_QUIESCE_MILLIS * 2);
        } catch (MqttException e) {
            LOG.debug("Disconnect failed: {}", e.toString());
            discard(client);
        }
    }

    /** Cancels the next attempt and interrupts a running one, so the listener gets no call after a close. */
    private void stopReconnecting() {
        reconnector.shutdownNow();
        try {
            if (!reconnector.awaitTermination(RECONNECTOR_STOP_SECONDS, TimeUnit.SECONDS)) {
                LOG.debug("The reconnect thread did not stop within {} s", RECONNECTOR_STOP_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Creates a client, connects it and subscribes; on failure the client is closed and the error thrown. */
    private MqttAsyncClient open() throws MqttException {
        MqttAsyncClient client = newClient();
        client.setCallback(new Callback(client));
        long timeoutMillis = attemptTimeoutMillis();
        try {
            client.connect(options).waitForCompletion(timeoutMillis);
            IMqttToken subscription = client.subscribe(topics, qualities);
            subscription.waitForCompletion(timeoutMillis);
            checkGranted(subscription.getGrantedQos());
            return client;
        } catch (MqttException e) {
            discard(client);
            throw e;
        }
    }

    /** Throws for the first topic whose granted QoS is the failure code 0x80. */
    private void checkGranted(int[] granted) throws SubscriptionRejectedException {
        for (int i = 0; i < granted.length && i < topics.length; i++) {
            if (granted[i] == MqttException.REASON_CODE_SUBSCRIBE_FAILED) {
                throw new SubscriptionRejectedException(topics[i]);
            }
        }
    }

    private long attemptTimeoutMillis() {
        return Math.min(settings.connectTimeoutSeconds() * 1000L, ATTEMPT_TIMEOUT_MILLIS);
    }

    /** Tells whether the transport has a connected client now; false while it reconnects. */
    public boolean isConnected() {
        synchronized (stateLock) {
            return current != null && current.isConnected();
        }
    }

    private MqttAsyncClient newClient() throws MqttException {
        return new MqttAsyncClient(settings.uri(), mqttClientId, new MemoryPersistence());
    }

    /**
     * Makes {@code client} the current connection and sends the publications kept meanwhile,
     * oldest first. Returns false when the connection dropped before, or when this transport closed.
     */
    private boolean goOnline(MqttAsyncClient client) {
        synchronized (stateLock) {
            if (closed || !client.isConnected()) {
                // Paho marks a dropped client as not connected before it calls connectionLost.
                lost = client;
                return false;
            }
            current = client;
            for (Publication publication : offline.drain()) {
                send(client, publication);
            }
            return true;
        }
    }

    private void send(MqttAsyncClient client, Publication publication) {
        MqttMessage message = new MqttMessage(publication.payload());
        message.setQos(QOS);
        message.setRetained(false);
        try {
            client.publish(publication.topic(), message, publication, new Requeue());
        } catch (MqttException e) {
            if (isOffline(e)) {
                keepForReconnect(publication);
            } else if (e.getReasonCode() == MqttException.REASON_CODE_MAX_INFLIGHT) {
                listener.publicationDropped(publication.topic(), DropReason.IN_FLIGHT_LIMIT);
            } else {
                LOG.debug("Paho rejected a publication to {}", publication.topic(), e);
                listener.publicationDropped(publication.topic(), DropReason.CLIENT_ERROR);
            }
        }
    }

    private static boolean isOffline(MqttException e) {
        int reason = e.getReasonCode();
        return reason == MqttException.REASON_CODE_CLIENT_NOT_CONNECTED
                || reason == MqttException.REASON_CODE_CLIENT_DISCONNECTING
                || reason == MqttException.REASON_CODE_CONNECTION_LOST
                || reason == MqttException.REASON_CODE_CLIENT_CLOSED;
    }

    private void keepForReconnect(Publication publication) {
        if (closed || notKeptOffline.contains(publication.topic())) {
            return;
        }
        Publication dropped = offline.add(publication);
        if (dropped != null) {
            listener.publicationDropped(dropped.topic(), DropReason.OFFLINE_QUEUE_FULL);
        }
    }

    private void connectionLost(MqttAsyncClient client, Throwable cause) {
        synchronized (stateLock) {
            if (closed || client != current) {
                return;
            }
            current = null;
            lost = client;
        }
        listener.connectionLost(cause);
        scheduleReconnect(FIRST_RECONNECT_DELAY_MILLIS);
    }

    /** Schedules an attempt after about {@code delayMillis}, give or take a fifth, so that a class does not reconnect in step. */
    private void scheduleReconnect(long delayMillis) {
        long jittered = delayMillis * ThreadLocalRandom.current().nextInt(80, 121) / 100;
        try {
            reconnector.schedule(() -> reconnect(delayMillis), jittered, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // The transport closed meanwhile.
        }
    }

    /** Runs one reconnect attempt on the reconnect thread; {@code delayMillis} is the delay that led to it. */
    private void reconnect(long delayMillis) {
        MqttAsyncClient dropped;
        synchronized (stateLock) {
            dropped = lost;
            lost = null;
        }
        discard(dropped);
        if (closed) {
            return;
        }
        MqttAsyncClient client;
        try {
            client = open();
        } catch (MqttException e) {
            long nextDelay = Math.min(delayMillis * 2, MAX_RECONNECT_DELAY_MILLIS);
            if (!closed) {
                listener.reconnectFailed(e, nextDelay);
                scheduleReconnect(nextDelay);
            }
            return;
        }
        if (goOnline(client)) {
            listener.reconnected();
        } else if (closed) {
            discard(client);
        } else {
            scheduleReconnect(FIRST_RECONNECT_DELAY_MILLIS);
        }
    }

    /**
     * Stops a client that is not connected, whatever state the attempt left it in, and frees its
     * threads. Paho 1.2.5 throws NullPointerException from a client that another path already closed.
     */
    private static void discard(MqttAsyncClient client) {
        if (client == null) {
            return;
        }
        try {
            client.disconnectForcibly(0, 0, false);
        } catch (MqttException | RuntimeException e) {
            LOG.debug("Forced disconnect failed: {}", e.toString());
        }
        try {
            client.close(true);
        } catch (MqttException | RuntimeException e) {
            LOG.debug("Close failed: {}", e.toString());
        }
    }

    private MqttConnectOptions connectOptions() {
        MqttConnectOptions connectOptions = new MqttConnectOptions();
        connectOptions.setCleanSession(true);
        connectOptions.setAutomaticReconnect(false);
        connectOptions.setConnectionTimeout((int) Math.max(1, attemptTimeoutMillis() / 1000));
        connectOptions.setKeepAliveInterval(settings.keepAliveSeconds());
        connectOptions.setMaxInflight(MAX_IN_FLIGHT);
        if (settings.username() != null) {
            connectOptions.setUserName(settings.username());
        }
        if (settings.password() != null) {
            connectOptions.setPassword(settings.password());
        }
        if (settings.socketFactory() != null) {
            connectOptions.setSocketFactory(settings.socketFactory());
        }
        return connectOptions;
    }

    /** Keeps a publication for the next connection when the connection drops before the broker acknowledged it. */
    private final class Requeue implements IMqttActionListener {
        @Override
        public void onSuccess(IMqttToken token) {
            // The broker has the message.
        }

        @Override
        public void onFailure(IMqttToken token, Throwable failure) {
            keepForReconnect((Publication) token.getUserContext());
        }
    }

    /** Paho's callbacks for one client. */
    private final class Callback implements MqttCallback {
        private final MqttAsyncClient client;

        Callback(MqttAsyncClient client) {
            this.client = client;
        }

        @Override
        public void connectionLost(Throwable cause) {
            PahoTransport.this.connectionLost(client, cause);
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            try {
                listener.messageArrived(topic, message.getPayload(), message.isRetained());
            } catch (RuntimeException e) {
                LOG.error("Dropped a message on {} after an internal error", topic, e);
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // QoS 1 acknowledgements need no action.
        }
    }
}
