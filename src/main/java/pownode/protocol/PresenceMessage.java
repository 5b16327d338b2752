package pownode.protocol;

import java.util.Objects;

/**
 * A node's announcement on the presence topic:
 * {@code {"ClientID": 4711, "Status": "online", "Session": "9f3a...", "Started": 1733331000000,
 * "Election": 0, "Leader": 2290, "Transaction": 12}}. The offline form is also the node's MQTT
 * last will.
 *
 * @param session a random id of the node process, which distinguishes two nodes with one ClientID
 * @param startedAt when the process started, in epoch milliseconds
 * @param leader the leader of {@code election} as this node knows it, or -1 before it knows one
 * @param highestTransactionId the highest TransactionID this node has seen, or -1 before any; a
 *     node that restarts and becomes the controller continues above it
 */
public record PresenceMessage(int clientId, boolean online, String session, long startedAt, int election, int leader,
        long highestTransactionId) implements Message {

    public PresenceMessage {
        Ranges.requireClientId(clientId);
        Objects.requireNonNull(session, "session");
        Ranges.requireBetween("Election", election, 0, Integer.MAX_VALUE);
        Ranges.requireBetween("Leader", leader, -1, Ranges.MAX_CLIENT_ID);
        // The controller that continues above it must still have a next TransactionID.
        Ranges.requireBetween("Transaction", highestTransactionId, -1, Long.MAX_VALUE - 1);
    }

    /** A presence that names no TransactionID, such as the last will. */
    public PresenceMessage(int clientId, boolean online, String session, long startedAt, int election, int leader) {
        this(clientId, online, session, startedAt, election, leader, -1);
    }

    public boolean knowsLeader() {
        return leader >= 0;
    }

    @Override
    public Topic topic() {
        return Topic.PRESENCE;
    }
}
