package pownode.runtime;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Captures what is written to {@code System.out}, where slf4j-simple and the progress bar write. */
final class StandardOutput implements AutoCloseable {
    private final PrintStream original = System.out;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    StandardOutput() {
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    String text() {
        System.out.flush();
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        System.setOut(original);
    }
}
