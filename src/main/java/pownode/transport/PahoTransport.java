package pownode.transport;

import java.util.Arrays;
import java.util.List;
import org.eclipse.paho.client.mqttv3.DisconnectedBufferOptions;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only class that touches Paho. It connects with a clean session and automatic
 * reconnect, subscribes to every topic before the node publishes anything, resubscribes
 * after each reconnect, and publishes with QoS 1, never retained.
 */
public final class PahoTransport implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PahoTransport.class);
    private static final int QOS = 1;
    /** Paho's default of 10 in-flight QoS 1 messages is far too low for a controller under load. */
    private static final int MAX_IN_FLIGHT = 1000;
    private static final int OFFLINE_BUFFER_SIZE = 1000;
    private static final int MAX_RECONNECT_DELAY_MILLIS = 8000;
    private static final long DISCONNECT_QUIESCE_MILLIS = 2000;

    private static final long WARNING_INTERVAL_NANOS = 10_000_000_000L;

    private static final int MAX_RESUBSCRIBE_ATTEMPTS = 5;

    private final MqttAsyncClient client;
    private volatile boolean firstConnectionDone;
    private long lastShedWarningAt;
    private long shedSinceWarning;
    private final BrokerSettings settings;
    private final String[] topics;
    private final int[] qualities;

    /**
     * @param mqttClientId the MQTT client id, unique on the broker, fixed before connecting
     * @throws IllegalArgumentException when Paho rejects the broker URI
     */
    public PahoTransport(BrokerSettings settings, String mqttClientId, List<String> topics) throws MqttException {
        this.settings = settings;
        this.client = new MqttAsyncClient(settings.uri(), mqttClientId, new MemoryPersistence());
        this.topics = topics.toArray(String[]::new);
        this.qualities = new int[this.topics.length];
        Arrays.fill(qualities, QOS);
    }

    /**
     * Connects and subscribes, waiting at most the connect timeout for each step. The broker
     * publishes {@code willPayload} on {@code willTopic} if this client vanishes without
     * disconnecting.
     */
    public void connect(TransportListener listener, String willTopic, byte[] willPayload) throws MqttException {
        client.setCallback(new Callback(listener));
        long timeoutMillis = settings.connectTimeoutSeconds() * 1000L;
        client.setBufferOpts(offlineBuffer());
        MqttConnectOptions options = options();
        options.setWill(willTopic, willPayload, QOS, false);
        client.connect(options).waitForCompletion(timeoutMillis);
        client.subscribe(topics, qualities).waitForCompletion(timeoutMillis);
    }

    /**
     * Queues a QoS 1 publication. A failure, such as more than {@link #MAX_IN_FLIGHT}
     * publications waiting for their acknowledgement under a flood, sheds the message with a
     * warning, at most one per {@link #WARNING_INTERVAL_NANOS} with the count of the others.
     */
    public void publish(String topic, byte[] payload) {
        MqttMessage message = new MqttMessage(payload);
        message.setQos(QOS);
        message.setRetained(false);
        try {
            client.publish(topic, message);
        } catch (MqttException e) {
            warnShed(topic, e);
        }
    }

    // TODO: this warning and the other logs of this class are English only; route them through the localized presenter.
    private synchronized void warnShed(String topic, MqttException e) {
        long now = System.nanoTime();
        if (shedSinceWarning > 0 && now - lastShedWarningAt < WARNING_INTERVAL_NANOS) {
            shedSinceWarning++;
            return;
        }
        LOG.warn("Dropped a publication to {}: {} (reason code {}); {} more dropped since the last warning",
                topic, e.getMessage(), e.getReasonCode(), Math.max(0, shedSinceWarning - 1));
        lastShedWarningAt = now;
        shedSinceWarning = 1;
    }

    /**
     * Waits for queued publications, up to a short quiesce time, then disconnects.
     *
     * <p>NOTE: a connected client is only disconnected, not closed. Paho 1.2.5 can throw a
     * NullPointerException in its receiver thread when {@code close()} runs while that thread
     * still reads (paho.mqtt.java issue 955); after a disconnect its threads end anyway.
     */
    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(DISCONNECT_QUIESCE_MILLIS).waitForCompletion(DISCONNECT_QUIESCE_MILLIS * 2);
                return;
            }
        } catch (MqttException e) {
            LOG.debug("Disconnect failed: {}", e.getMessage());
            return;
        }
        try {
            // Not connected, for example during a broker outage: stop the automatic reconnect.
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("Close failed: {}", e.getMessage());
        }
    }

    // TODO: after a Mosquitto restart, about one run in fourteen, Paho 1.2.5's automatic reconnect
    // never calls connectComplete again and the node stays offline. A watchdog calling
    // client.reconnect(), or replacing the client, did not fix it in tests; the broker-restart
    // end-to-end test is disabled until this is solved.
    private MqttConnectOptions options() {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay(MAX_RECONNECT_DELAY_MILLIS);
        options.setConnectionTimeout(settings.connectTimeoutSeconds());
        options.setKeepAliveInterval(settings.keepAliveSeconds());
        options.setMaxInflight(MAX_IN_FLIGHT);
        if (settings.username() != null) {
            options.setUserName(settings.username());
        }
        if (settings.password() != null) {
            options.setPassword(settings.password());
        }
        if (settings.socketFactory() != null) {
            options.setSocketFactory(settings.socketFactory());
        }
        return options;
    }

    private static DisconnectedBufferOptions offlineBuffer() {
        DisconnectedBufferOptions buffer = new DisconnectedBufferOptions();
        buffer.setBufferEnabled(true);
        buffer.setBufferSize(OFFLINE_BUFFER_SIZE);
        buffer.setPersistBuffer(false);
        buffer.setDeleteOldestMessages(true);
        return buffer;
    }

    private final class Callback implements MqttCallbackExtended {
        private final TransportListener listener;

        Callback(TransportListener listener) {
            this.listener = listener;
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            // Every connection after the first one is a reconnect, whatever Paho's flag reports.
            if (!firstConnectionDone) {
                firstConnectionDone = true;
                return;
            }
            resubscribe(1);
            listener.reconnected();
        }

        /**
         * Subscribes again after a reconnect: with a clean session the broker forgot the
         * subscriptions. It does not wait here, on the callback thread; a failure is retried.
         */
        private void resubscribe(int attempt) {
            try {
                client.subscribe(topics, qualities, null, new IMqttActionListener() {
                    @Override
                    public void onSuccess(IMqttToken token) {
                        LOG.debug("Resubscribed after reconnect");
                    }

                    @Override
                    public void onFailure(IMqttToken token, Throwable failure) {
                        LOG.warn("Resubscribing after reconnect failed (attempt {}): {}", attempt, failure.toString());
                        if (attempt < MAX_RESUBSCRIBE_ATTEMPTS && client.isConnected()) {
                            resubscribe(attempt + 1);
                        }
                    }
                });
            } catch (MqttException e) {
                LOG.warn("Resubscribing after reconnect failed (attempt {}): {}", attempt, e.getMessage());
            }
        }

        @Override
        public void connectionLost(Throwable cause) {
            listener.connectionLost(cause);
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
