package pownode.transport;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Publications waiting for the next connection, in the order they were made. When full, it
 * drops the oldest one to make room. Safe for concurrent use.
 */
final class OfflineQueue {
    /** One message to publish on {@code topic}. */
    record Publication(String topic, byte[] payload) {
    }

    private final int capacity;
    private final ArrayDeque<Publication> queue = new ArrayDeque<>();

    OfflineQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** Appends {@code publication}; returns the oldest one, dropped to make room, or null when there was room. */
    synchronized Publication add(Publication publication) {
        Publication dropped = queue.size() == capacity ? queue.removeFirst() : null;
        queue.addLast(publication);
        return dropped;
    }

    /** Removes and returns every waiting publication, oldest first. */
    synchronized List<Publication> drain() {
        List<Publication> all = new ArrayList<>(queue);
        queue.clear();
        return all;
    }
}
