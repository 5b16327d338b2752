package pownode.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A process of {@code src/test/python/student_peer.py}, a Python peer modeled on the
 * students' programs, run by Debian's python3 with its paho-mqtt package, with its output in a file.
 */
public final class PythonPeer implements AutoCloseable {
    public static final Path PYTHON = Path.of("/usr/bin/python3");
    public static final Path SCRIPT = Path.of("src", "test", "python", "student_peer.py");

    private final Process process;
    private final Path output;

    private PythonPeer(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /**
     * Checks that python3 can import paho-mqtt. On CI a missing package fails the test,
     * because .ci/run installs it; elsewhere the test is skipped with a hint.
     */
    public static void requirePahoMqtt() throws IOException, InterruptedException {
        String problem = null;
        if (!Files.isExecutable(PYTHON)) {
            problem = PYTHON + " is missing";
        } else {
            Process check = pythonCommand(List.of("-c", "import paho.mqtt.client"))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!check.waitFor(30, TimeUnit.SECONDS)) {
                check.destroyForcibly();
                problem = "'" + PYTHON + " -c import paho.mqtt.client' timed out";
            } else if (check.exitValue() != 0) {
                problem = PYTHON + " cannot import paho.mqtt.client";
            }
        }
        if (problem == null) {
            return;
        }
        if (System.getenv("CI") != null) {
            throw new IllegalStateException(problem + "; .ci/run must install python3-paho-mqtt");
        }
        Assumptions.abort(problem + " (apt-get install -y python3-paho-mqtt)");
    }

    /** Starts the peer with {@code args}, such as {@code --nodes 4 --broker-port 1883}. */
    public static PythonPeer start(Path output, String... args) throws IOException {
        if (!Files.isRegularFile(SCRIPT)) {
            throw new IllegalStateException(SCRIPT.toAbsolutePath() + " is missing; run the tests from the project folder");
        }
        List<String> arguments = new ArrayList<>();
        arguments.add(SCRIPT.toString());
        arguments.addAll(List.of(args));
        Process process = pythonCommand(arguments)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        return new PythonPeer(process, output);
    }

    private static ProcessBuilder pythonCommand(List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(PYTHON.toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        // A pyenv or virtualenv setting would point the system python3 away from Debian's packages.
        builder.environment().remove("PYTHONHOME");
        builder.environment().remove("PYTHONPATH");
        return builder;
    }

    public Process process() {
        return process;
    }

    public String output() throws IOException {
        return Files.readString(output);
    }

    @Override
    public void close() {
        Processes.stop(process);
    }
}
