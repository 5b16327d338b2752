package pownode.protocol;

/** Discovery announcement: {@code {"ClientID": 4711}}. */
public record InitMessage(int clientId) implements Message {
    public InitMessage {
        Ranges.requireClientId(clientId);
    }

    @Override
    public Topic topic() {
        return Topic.INIT;
    }
}
