package pownode.report;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The events files of a real four-node run, recorded under src/test/resources/report/run-4-nodes. */
final class RecordedRun {
    static final int LEADER = 53_708;
    static final List<Integer> WINNERS = List.of(51_705, 51_705, 11_913, 45_378, 11_913, 11_913);

    private RecordedRun() {
    }

    /** Returns the four files, node-1.jsonl (the leader's) to node-4.jsonl. */
    static List<Path> files() {
        List<Path> files = new ArrayList<>();
        for (int node = 1; node <= 4; node++) {
            files.add(resource("/report/run-4-nodes/node-" + node + ".jsonl"));
        }
        return files;
    }

    /** Returns the lines of each recorded file, for tests that edit them. */
    static List<List<String>> lines() throws IOException {
        List<List<String>> lines = new ArrayList<>();
        for (Path file : files()) {
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
