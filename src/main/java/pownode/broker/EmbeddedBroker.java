package pownode.broker;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.util.Properties;

/** The Moquette MQTT broker, in memory and anonymous, for offline classes and tests. */
public final class EmbeddedBroker implements AutoCloseable {
    /**
     * Moquette drops larger MQTT packets itself. The node's own limit is 64 KiB, so the broker
     * lets bigger ones through and the node drops them with a warning.
     */
    private static final int MAX_MESSAGE_BYTES = 1024 * 1024;

    private final Server server;

    private EmbeddedBroker(Server server) {
        this.server = server;
    }

    /**
     * Starts a broker listening on {@code host:port}.
     *
     * @param port the TCP port, or 0 for any free port (read it back with {@link #port()})
     */
    public static EmbeddedBroker start(String host, int port) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("host", host);
        properties.setProperty("port", Integer.toString(port));
        properties.setProperty("websocket_port", "disabled");
        properties.setProperty("allow_anonymous", "true");
        properties.setProperty("persistence_enabled", "false");
        properties.setProperty("telemetry_enabled", "false");
        properties.setProperty("use_metrics", "false");
        properties.setProperty("use_bugsnag", "false");
        properties.setProperty("immediate_buffer_flush", "true");
        properties.setProperty("netty.mqtt.message_size", Integer.toString(MAX_MESSAGE_BYTES));
        Server server = new Server();
        server.startServer(new MemoryConfig(properties));
        return new EmbeddedBroker(server);
    }

    /** The port the broker listens on. */
    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        server.stopServer();
    }
}
