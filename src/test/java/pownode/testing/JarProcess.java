package pownode.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A JVM running {@code target/node.jar}, with its output in a file. */
public final class JarProcess implements AutoCloseable {
    public static final Path JAR = Path.of("target", "node.jar");

    private final Process process;
    private final Path output;

    private JarProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    public static JarProcess start(Path output, String... args) throws IOException {
        return start(output, List.of(), Map.of(), args);
    }

    /** Starts the JAR with {@code jvmOptions}, such as {@code -Xmx256m}, before {@code -jar}. */
    public static JarProcess start(Path output, List<String> jvmOptions, String... args) throws IOException {
        return start(output, jvmOptions, Map.of(), args);
    }

    /** Starts the JAR with {@code environment} added to this JVM's environment. */
    public static JarProcess start(Path output, Map<String, String> environment, String... args) throws IOException {
        return start(output, List.of(), environment, args);
    }

    private static JarProcess start(Path output, List<String> jvmOptions, Map<String, String> environment,
            String... args) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing; run the tests with 'mvn verify'");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        return new JarProcess(process, output);
    }

    public Process process() {
        return process;
    }

    public String output() throws IOException {
        return Files.readString(output);
    }

    /** Waits for the exit and returns the code, or -1 after killing a process that outlived the timeout. */
    public int waitForExit(long seconds) throws InterruptedException {
        if (process.waitFor(seconds, TimeUnit.SECONDS)) {
            return process.exitValue();
        }
        process.destroyForcibly();
        return -1;
    }

    @Override
    public void close() {
        Processes.stop(process);
    }
}
