package pownode.transport;

import org.eclipse.paho.client.mqttv3.MqttException;

/** Failure of a subscription that the broker rejected with the SUBACK code 0x80, usually because of its access rules. */
public final class SubscriptionRejectedException extends MqttException {
    private static final long serialVersionUID = 1L;

    private final String topic;

    public SubscriptionRejectedException(String topic) {
        super(REASON_CODE_SUBSCRIBE_FAILED);
        this.topic = topic;
    }

    public String topic() {
        return topic;
    }

    @Override
    public String getMessage() {
        return "the broker rejected the subscription to " + topic;
    }
}
