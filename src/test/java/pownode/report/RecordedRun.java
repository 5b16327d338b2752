package pownode.report;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The events files of two real local runs under src/test/resources/report: run-4-nodes, four
 * nodes without faults, and run-with-failover, where the leader was killed and a fifth node
 * joined late. The README.md there describes how they were recorded.
 */
final class RecordedRun {
    static final int LEADER = 53_708;
    static final List<Integer> WINNERS = List.of(51_705, 51_705, 11_913, 45_378, 11_913, 11_913);

    /** The leader of election 0 in run-with-failover, killed after TransactionID 2; node-1.jsonl. */
    static final int FAILOVER_FIRST_LEADER = 3_491;
    /** The leader of election 1 in run-with-failover; node-3.jsonl. */
    static final int FAILOVER_SECOND_LEADER = 59_968;
    /** The node that joined run-with-failover during election 1 without voting; node-5.jsonl. */
    static final int FAILOVER_LATE_JOINER = 17_341;
    /** The winners of TransactionIDs 0 to 9 in run-with-failover. */
    static final List<Integer> FAILOVER_WINNERS =
            List.of(21_043, 21_043, 695, 695, 695, 695, 695, 21_043, 21_043, 695);

    private RecordedRun() {
    }

    /** Returns the four files, node-1.jsonl (the leader's) to node-4.jsonl. */
    static List<Path> files() {
        return files("run-4-nodes", 4);
    }

    /** Returns the five files of run-with-failover, node-1.jsonl to node-5.jsonl. */
    static List<Path> failoverFiles() {
        return files("run-with-failover", 5);
    }

    /** Returns the lines of each file of run-4-nodes, for tests that edit them. */
    static List<List<String>> lines() throws IOException {
        return lines(files());
    }

    /** Returns the lines of each file of run-with-failover, for tests that edit them. */
    static List<List<String>> failoverLines() throws IOException {
        return lines(failoverFiles());
    }

    private static List<Path> files(String folder, int count) {
        List<Path> files = new ArrayList<>();
        for (int node = 1; node <= count; node++) {
            files.add(resource("/report/" + folder + "/node-" + node + ".jsonl"));
        }
        return files;
    }

    private static List<List<String>> lines(List<Path> files) throws IOException {
        List<List<String>> lines = new ArrayList<>();
        for (Path file : files) {
            lines.add(new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8)));
        }
        return lines;
    }

    /** Writes {@code lines} to node-1.jsonl, node-2.jsonl, ... in {@code folder} and returns the paths. */
    static List<Path> write(Path folder, List<List<String>> lines) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Path file = folder.resolve("node-" + (i + 1) + ".jsonl");
            Files.write(file, lines.get(i), StandardCharsets.UTF_8);
            files.add(file);
        }
        return files;
    }

    private static Path resource(String name) {
        URL url = RecordedRun.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException("test resource " + name + " is missing");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
