package pownode.protocol;

import java.util.Optional;

/**
 * The five topics of the classroom protocol, plus {@link #PRESENCE}, an addition of this
 * project that peers without it never subscribe to. Each is published under a group's
 * topic prefix.
 */
public enum Topic {
    INIT("init"),
    VOTING("voting"),
    CHALLENGE("challenge"),
    SOLUTION("solution"),
    RESULT("result"),
    /** Online and offline announcements, including the MQTT last will. */
    PRESENCE("presence");

    private final String suffix;

    Topic(String suffix) {
        this.suffix = suffix;
    }

    public String suffix() {
        return suffix;
    }

    /** Returns the full topic name under {@code prefix}, for example {@code sd/init}. */
    public String under(String prefix) {
        return prefix + "/" + suffix;
    }

    /** Finds the topic whose full name under {@code prefix} is {@code name}. */
    public static Optional<Topic> parse(String prefix, String name) {
        for (Topic topic : values()) {
            if (topic.under(prefix).equals(name)) {
                return Optional.of(topic);
            }
        }
        return Optional.empty();
    }
}
