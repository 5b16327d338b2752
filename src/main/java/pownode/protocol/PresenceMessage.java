package pownode.protocol;

import java.util.Objects;

/**
 * A node's announcement on the presence topic:
 * {@code {"ClientID": 4711, "Status": "online", "Session": "9f3a...", "Started": 1733331000000,
 * "Election": 0, "Leader": 2290}}. The offline form is also the node's MQTT last will.
 *
 * @param session a random id of the node process, which tells two nodes with one ClientID apart
 * @param startedAt when the process started, in epoch milliseconds
 * @param leader the leader of {@code election} as this node knows it, or -1 before it knows one
 */
public record PresenceMessage(int clientId, boolean online, String session, long startedAt, int election, int leader)
        implements Message {

    public PresenceMessage {
        Ranges.requireClientId(clientId);
        Objects.requireNonNull(session, "session");
        Ranges.requireBetween("Election", election, 0, Integer.MAX_VALUE);
        Ranges.requireBetween("Leader", leader, -1, Ranges.MAX_CLIENT_ID);
    }

    public boolean knowsLeader() {
        return leader >= 0;
    }

    @Override
    public Topic topic() {
        return Topic.PRESENCE;
    }
}
