package pownode.report;

import java.time.Instant;

/**
 * A node that joined the group after discovery: it started late, or restarted under a new
 * ClientID, and followed the leader of a running election without voting.
 *
 * @param clientId the node's ClientID
 * @param joinedAt the time of its first {@code elected} event, or of its first event when it
 *     has none
 * @param election the number of the election it joined, or -1 when its file has no
 *     {@code elected} event
 * @param leader the leader it followed, or -1 when its file has no {@code elected} event
 */
public record LateJoiner(int clientId, Instant joinedAt, int election, int leader) {
}
