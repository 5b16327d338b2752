package pownode.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** A Mosquitto process on a free loopback port, started and stopped by a test. */
public final class MosquittoBroker implements AutoCloseable {
    private static final List<Path> CANDIDATES = List.of(Path.of("/usr/sbin/mosquitto"), Path.of("/usr/bin/mosquitto"));

    private final Path binary;
    private final Path config;
    private final Path log;
    private final int port;
    private Process process;

    private MosquittoBroker(Path binary, Path config, Path log, int port) {
        this.binary = binary;
        this.config = config;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts Mosquitto. On CI a missing binary fails the test, because .ci/run installs it;
     * elsewhere the test is skipped with a hint.
     */
    public static MosquittoBroker start(Path workDir) throws IOException {
        Path binary = CANDIDATES.stream().filter(Files::isExecutable).findFirst().orElse(null);
        if (binary == null) {
            if (System.getenv("CI") != null) {
                throw new IllegalStateException("mosquitto is not installed; .ci/run must install it");
            }
            Assumptions.abort("mosquitto is not installed (apt-get install -y mosquitto)");
        }
        int port = FreePort.pick();
        Path config = workDir.resolve("mosquitto-" + port + ".conf");
        Files.writeString(config, String.join("\n",
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                "persistence false",
                "log_dest stdout",
                ""));
        MosquittoBroker broker = new MosquittoBroker(binary, config, workDir.resolve("mosquitto-" + port + ".log"), port);
        broker.launch();
        return broker;
    }

    /**
     * Stops Mosquitto with SIGTERM, waits for its exit, and starts it again on the same port.
     * Without persistence, the new broker has no sessions, subscriptions or retained messages.
     */
    public void restart() throws IOException {
        close();
        launch();
    }

    private void launch() throws IOException {
        process = new ProcessBuilder(binary.toString(), "-c", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        Process started = process;
        await().atMost(Duration.ofSeconds(20)).until(() -> !started.isAlive() || FreePort.isListening(port));
        if (!started.isAlive()) {
            throw new IllegalStateException("mosquitto exited at start; see " + log);
        }
    }

    public int port() {
        return port;
    }

    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        Processes.stop(process);
    }
}
