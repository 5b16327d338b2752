package pownode.broker;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.util.ConcurrentModificationException;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The Moquette MQTT broker, in memory and anonymous, for offline classes and tests.
 *
 * <p>TODO: Moquette 0.17 closes a connection whose SUBSCRIBE arrives before the broker has
 * sent its CONNACK, which MQTT 3.1.1 allows and which Python peers that call subscribe()
 * right after connect() do. Mosquitto accepts it; no newer Moquette is available here.
 */
public final class EmbeddedBroker implements AutoCloseable {
    /**
     * Moquette drops larger MQTT packets itself. The node's own limit is 64 KiB, so the broker
     * lets bigger ones through and the node drops them with a warning.
     */
    private static final int MAX_MESSAGE_BYTES = 1024 * 1024;

    private static final long BIND_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long BIND_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final Server server;
    private final int port;

    private EmbeddedBroker(Server server, int port) {
        this.server = server;
        this.port = port;
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
        return new EmbeddedBroker(server, awaitBoundPort(server, host, port));
    }

    /** Returns the port the broker listens on. */
    public int port() {
        return port;
    }

    /**
     * Waits until Netty has bound the listening socket: Moquette 0.17 binds asynchronously
     * and reports port 0 until then, and only logs a failed bind.
     */
    private static int awaitBoundPort(Server server, String host, int requestedPort) throws IOException {
        long deadline = System.nanoTime() + BIND_TIMEOUT_NANOS;
        int port;
        while ((port = boundPort(server)) == 0) {
            if (System.nanoTime() - deadline > 0) {
                server.stopServer();
                throw new IOException("the broker did not start listening on " + host + ":" + requestedPort
                        + " within 10 s; the port may be in use");
            }
            LockSupport.parkNanos(BIND_POLL_NANOS);
        }
        return port;
    }

    /** Returns the bound port, or 0 while Netty is still binding and updates Moquette's unsynchronized port map. */
    private static int boundPort(Server server) {
        try {
            return server.getPort();
        } catch (ConcurrentModificationException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        server.stopServer();
    }
}
