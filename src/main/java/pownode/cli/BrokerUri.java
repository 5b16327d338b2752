package pownode.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;

/** Checks a {@code --broker} value and writes out the port that Paho would use when it is left out. */
final class BrokerUri {
    /** Paho's default port for each supported scheme. */
    private static final Map<String, Integer> DEFAULT_PORTS = Map.of("tcp", 1883, "ssl", 8883, "ws", 80, "wss", 443);
    private static final int MAX_PORT = 65_535;

    private BrokerUri() {
    }

    /**
     * Returns {@code text} with an explicit port, or empty when it is not a broker URI that Paho
     * accepts: the scheme must be tcp, ssl, ws or wss, the host present, the port 1 to 65535,
     * and tcp and ssl URIs may have no path, query or fragment.
     */
    static Optional<String> normalize(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme();
        if (scheme == null || !DEFAULT_PORTS.containsKey(scheme) || uri.getHost() == null || uri.getUserInfo() != null) {
            return Optional.empty();
        }
        int port = uri.getPort() == -1 ? DEFAULT_PORTS.get(scheme) : uri.getPort();
        if (port < 1 || port > MAX_PORT) {
            return Optional.empty();
        }
        boolean plainSocket = scheme.equals("tcp") || scheme.equals("ssl");
        boolean hasPath = uri.getRawPath() != null && !uri.getRawPath().isEmpty();
        if (plainSocket && (hasPath || uri.getRawQuery() != null || uri.getRawFragment() != null)) {
            return Optional.empty();
        }
        String rest = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return Optional.of(scheme + "://" + uri.getRawAuthority().replaceFirst(":\\d*$", "") + ":" + port + rest);
    }
}
