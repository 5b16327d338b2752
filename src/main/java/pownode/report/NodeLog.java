package pownode.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The events of one node, read from one file, in file order. */
public record NodeLog(Path file, int clientId, List<EventLine> lines) {

    public NodeLog {
        lines = List.copyOf(lines);
    }

    /** Returns the first line with the event name {@code event}, if any. */
    public Optional<EventLine> first(String event) {
        return lines.stream().filter(line -> line.event().equals(event)).findFirst();
    }

    /** Returns every line with the event name {@code event}, in file order. */
    public List<EventLine> all(String event) {
        return lines.stream().filter(line -> line.event().equals(event)).toList();
    }
}
