package pownode.transport;

import javax.net.SocketFactory;

/**
 * How to reach the broker.
 *
 * @param uri {@code tcp://host:port}, {@code ssl://host:port}, {@code ws://...} or {@code wss://...}
 * @param username null for anonymous access
 * @param password null when there is none; never logged
 * @param keepAliveSeconds MQTT keep-alive interval
 * @param connectTimeoutSeconds how long the first connection may take
 * @param socketFactory TLS sockets for {@code ssl://} brokers with a private CA, or null for the JVM's defaults
 */
public record BrokerSettings(String uri, String username, char[] password, int keepAliveSeconds,
        int connectTimeoutSeconds, SocketFactory socketFactory) {

    /** Settings with the JVM's default TLS trust store. */
    public BrokerSettings(String uri, String username, char[] password, int keepAliveSeconds,
            int connectTimeoutSeconds) {
        this(uri, username, password, keepAliveSeconds, connectTimeoutSeconds, null);
    }

    public static final int DEFAULT_KEEP_ALIVE_SECONDS = 5;
    public static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = 30;

    @Override
    public String toString() {
        return "BrokerSettings[uri=" + uri + ", username=" + username + ", password=" + (password == null ? "none" : "***")
                + ", keepAliveSeconds=" + keepAliveSeconds + ", connectTimeoutSeconds=" + connectTimeoutSeconds + "]";
    }
}
