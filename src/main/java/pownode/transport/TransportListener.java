package pownode.transport;

/**
 * Receives the transport's deliveries and connection changes. Every method runs on Paho's callback thread, so it must
 * only hand the information over to another thread and return.
 */
public interface TransportListener {

    void messageArrived(String topic, byte[] payload, boolean retained);

    void connectionLost(Throwable cause);

    void reconnected();
}
