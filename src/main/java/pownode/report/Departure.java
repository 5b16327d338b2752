package pownode.report;

import java.time.Instant;

/** A participant that left the group, at the earliest {@code left} event that names it. */
public record Departure(int participant, Instant leftAt) {
}
