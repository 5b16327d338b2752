package pownode.broker;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import pownode.broker.BrokerStartException.Reason;

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

    private static final long LISTEN_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long LISTEN_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final int PROBE_TIMEOUT_MILLIS = 500;

    private final Server server;
    private final int port;

    private EmbeddedBroker(Server server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Starts a broker listening on {@code host:port} and returns once it accepts connections.
     *
     * @param port the TCP port, or 0 for any free port (read it back with {@link #port()})
     * @throws BrokerStartException when the host is unknown or not local, the port is taken or
     *     forbidden, or the broker does not listen within 10 s
     */
    public static EmbeddedBroker start(String host, int port) throws IOException {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new BrokerStartException(Reason.UNKNOWN_HOST, host, port, e);
        }
        int freePort = reserve(host, address, port);
        Server server = new Server();
        server.startServer(new MemoryConfig(properties(host, freePort)));
        awaitListening(server, host, address, freePort);
        return new EmbeddedBroker(server, freePort);
    }

    /** Returns the port the broker listens on. */
    public int port() {
        return port;
    }

    private static Properties properties(String host, int port) {
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
        return properties;
    }

    /**
     * Checks that {@code port} is free by binding it for a moment, or picks a free port when it
     * is 0. Moquette itself only logs a failed bind, so this method distinguishes the reasons.
     */
    private static int reserve(String host, InetAddress address, int port) throws IOException {
        if (!isLocal(address)) {
            throw new BrokerStartException(Reason.ADDRESS_NOT_LOCAL, host, port, null);
        }
        try (ServerSocket socket = new ServerSocket()) {
            // Connections of a broker that just stopped, in TIME_WAIT, must not block the port.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, port));
            return socket.getLocalPort();
        } catch (BindException e) {
            boolean denied = String.valueOf(e.getMessage()).contains("Permission denied");
            throw new BrokerStartException(denied ? Reason.PORT_NOT_PERMITTED : Reason.PORT_IN_USE, host, port, e);
        }
    }

    private static boolean isLocal(InetAddress address) throws IOException {
        return address.isAnyLocalAddress() || address.isLoopbackAddress()
                || NetworkInterface.getByInetAddress(address) != null;
    }

    /**
     * Waits until the broker accepts a TCP connection on {@code port}.
     *
     * <p>NOTE: Moquette 0.17's {@code Server.getPort()} inserts 0 into an unsynchronized map
     * that Netty's bind listener writes on another thread. Calling it during the bind can lose
     * the real port for good, so readiness is probed with a connection instead.
     */
    private static void awaitListening(Server server, String host, InetAddress address, int port) throws IOException {
        InetAddress target = address.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : address;
        long deadline = System.nanoTime() + LISTEN_TIMEOUT_NANOS;
        while (!accepts(target, port)) {
            if (System.nanoTime() - deadline > 0) {
                server.stopServer();
                throw new BrokerStartException(Reason.NOT_LISTENING, host, port, null);
            }
            LockSupport.parkNanos(LISTEN_POLL_NANOS);
        }
    }

    /**
     * Tells whether a connection to {@code target:port} succeeds. The probe binds its own port
     * first and never uses {@code port} itself: a loopback connection from a port to the same
     * port connects to itself, and would then keep the broker from binding.
     */
    private static boolean accepts(InetAddress target, int port) throws IOException {
        try (Socket probe = new Socket()) {
            probe.bind(new InetSocketAddress(target, 0));
            if (probe.getLocalPort() == port) {
                return false;
            }
            probe.connect(new InetSocketAddress(target, port), PROBE_TIMEOUT_MILLIS);
            return true;
        } catch (ConnectException | SocketTimeoutException e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stopServer();
    }
}
