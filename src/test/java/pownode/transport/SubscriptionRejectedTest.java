package pownode.transport;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.Test;
import pownode.testing.FreePort;

/** A broker whose access rules forbid reading one topic returns 0x80 in the SUBACK for it. */
class SubscriptionRejectedTest {
    private static final String FORBIDDEN = "acl-test/b";

    @Test
    void forbiddenTopic_failsConnectNamingTheTopic() throws Exception {
        int port = FreePort.pick();
        Server server = new Server();
        server.startServer(new MemoryConfig(properties(port)), List.of(), null, null, new ForbidOneTopic());
        await().atMost(Duration.ofSeconds(10)).until(() -> FreePort.isListening(port));
        BrokerSettings settings = new BrokerSettings("tcp://127.0.0.1:" + port, null, null, 5, 10);
        PahoTransport transport = new PahoTransport(settings, "acl-test", List.of("acl-test/a", FORBIDDEN));
        try {
            assertThatThrownBy(() -> transport.connect(new IgnoringListener(), "acl-test/a", "will".getBytes(UTF_8)))
                    .isInstanceOfSatisfying(SubscriptionRejectedException.class, e -> {
                        assertThat(e.topic()).isEqualTo(FORBIDDEN);
                        assertThat(e.getReasonCode()).isEqualTo(MqttException.REASON_CODE_SUBSCRIBE_FAILED);
                        assertThat(e.getMessage()).isEqualTo("the broker rejected the subscription to " + FORBIDDEN);
                    });
        } finally {
            transport.close();
            server.stopServer();
        }
    }

    private static Properties properties(int port) {
        Properties properties = new Properties();
        properties.setProperty("host", "127.0.0.1");
        properties.setProperty("port", Integer.toString(port));
        properties.setProperty("websocket_port", "disabled");
        properties.setProperty("allow_anonymous", "true");
        properties.setProperty("persistence_enabled", "false");
        properties.setProperty("telemetry_enabled", "false");
        return properties;
    }

    /** Lets every client write everywhere and read everything except {@link #FORBIDDEN}. */
    private static final class ForbidOneTopic implements IAuthorizatorPolicy {
        @Override
        public boolean canWrite(Topic topic, String user, String client) {
            return true;
        }

        @Override
        public boolean canRead(Topic topic, String user, String client) {
            return !topic.toString().equals(FORBIDDEN);
        }
    }

    /** Drops every report: the connect attempt under test fails before any arrives. */
    private static final class IgnoringListener implements TransportListener {
        @Override
        public void messageArrived(String topic, byte[] payload, boolean retained) {
        }

        @Override
        public void connectionLost(Throwable cause) {
        }

        @Override
        public void reconnectFailed(Throwable cause, long nextAttemptMillis) {
        }

        @Override
        public void reconnected() {
        }

        @Override
        public void publicationDropped(String topic, DropReason reason) {
        }
    }
}
