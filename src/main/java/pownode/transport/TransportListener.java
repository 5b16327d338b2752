package pownode.transport;

/**
 * Receives the transport's deliveries, connection changes and dropped publications. The
 * methods run on Paho's threads or the transport's reconnect thread, so each must only hand
 * the information over to another thread and return.
 */
public interface TransportListener {
    /** The reason the transport dropped a publication instead of sending it. */
    enum DropReason {
        /** More publications than the in-flight limit were waiting for their acknowledgement. */
        IN_FLIGHT_LIMIT,
        /** The node was offline and the offline queue was full, so the oldest waiting publication was dropped. */
        OFFLINE_QUEUE_FULL,
        /** Paho rejected the publication for another reason, logged at debug level. */
        CLIENT_ERROR
    }

    void messageArrived(String topic, byte[] payload, boolean retained);

    void connectionLost(Throwable cause);

    /** Reports a failed reconnect attempt and the delay before the next one. */
    void reconnectFailed(Throwable cause, long nextAttemptMillis);

    /** Reports that the transport is connected and subscribed again, after sending the publications queued meanwhile. */
    void reconnected();

    void publicationDropped(String topic, DropReason reason);
}
