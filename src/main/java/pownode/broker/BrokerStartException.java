package pownode.broker;

import java.io.IOException;

/** Failure to start the embedded broker, with a reason that the command line can explain. */
public final class BrokerStartException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The cause that kept the broker from listening. */
    public enum Reason {
        /** The host name does not resolve. */
        UNKNOWN_HOST,
        /** The address belongs to no network interface of this machine. */
        ADDRESS_NOT_LOCAL,
        /** Another socket listens on the port. */
        PORT_IN_USE,
        /** The operating system forbids this user the port, as Linux does below 1024 without privileges. */
        PORT_NOT_PERMITTED,
        /** Moquette did not accept connections within the start timeout. */
        NOT_LISTENING
    }

    private final Reason reason;

    BrokerStartException(Reason reason, String host, int port, Throwable cause) {
        super(reason + " for " + host + ":" + port, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
