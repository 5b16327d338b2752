package pownode.node;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import pownode.protocol.InvalidMessageException;
import pownode.protocol.Message;
import pownode.protocol.MessageCodec;
import pownode.protocol.Topic;

/**
 * An in-memory broker with a fake clock. Like an MQTT broker, it delivers every publication
 * to every subscribed peer, the publisher included, in publication order. A peer subscribes
 * when it starts and misses everything published before. Payloads pass through
 * {@link MessageCodec} on the way, and deliveries to a cut-off peer are dropped.
 */
final class FakeNetwork {
    /** Deliveries in one step after which the test fails, because the peers would reply to each other forever. */
    private static final int MAX_DELIVERIES_PER_STEP = 10_000;

    /** A participant on the broker; each method returns the messages it publishes in response. */
    interface Peer {
        int clientId();

        List<Message> start(long now);

        List<Message> receive(Message message, long now);

        List<Message> tick(long now);
    }

    private record Delivery(long deliverAt, long sequence, Peer recipient, Topic topic, byte[] payload) {
    }

    private final MessageCodec codec = new MessageCodec();
    private final List<Peer> subscribed = new ArrayList<>();
    private final Set<Integer> cutOff = new HashSet<>();
    private final PriorityQueue<Delivery> inFlight = new PriorityQueue<>(
            Comparator.comparingLong(Delivery::deliverAt).thenComparingLong(Delivery::sequence));
    private final List<Message> publications = new ArrayList<>();
    private final long latencyMillis;
    private long sequence;
    private long now;

    FakeNetwork() {
        this(0);
    }

    /** A network where each delivery arrives {@code latencyMillis} after its publication. */
    FakeNetwork(long latencyMillis) {
        this.latencyMillis = latencyMillis;
    }

    long now() {
        return now;
    }

    /** Returns every message published so far, in order. */
    List<Message> publications() {
        return List.copyOf(publications);
    }

    /** Subscribes {@code peer}, starts it and delivers what is due. */
    void start(Peer peer) {
        subscribed.add(peer);
        publish(peer.start(now));
        deliverDue();
    }

    /** Publishes {@code message} from a client that is not a subscribed peer, such as a foreign node. */
    void inject(Message message) {
        publish(List.of(message));
        deliverDue();
    }

    /** Publishes what a peer produced outside a delivery or a tick, such as a found solution. */
    void publishAndDeliver(List<Message> messages) {
        publish(messages);
        deliverDue();
    }

    /**
     * Unsubscribes {@code peer} for good, as when its process is killed: it receives nothing
     * more, including deliveries already in flight. Its last will is not sent; inject it.
     */
    void stop(Peer peer) {
        subscribed.remove(peer);
    }

    /** Drops every later delivery to {@code clientId} until {@link #reconnect} is called. */
    void cutOff(int clientId) {
        cutOff.add(clientId);
    }

    void reconnect(int clientId) {
        cutOff.remove(clientId);
    }

    /** Advances the clock in steps of {@code stepMillis}, ticking every peer and delivering what is due after each step. */
    void advance(long millis, long stepMillis) {
        long steps = millis / stepMillis;
        for (long step = 0; step < steps; step++) {
            now += stepMillis;
            for (Peer peer : List.copyOf(subscribed)) {
                publish(peer.tick(now));
            }
            deliverDue();
        }
    }

    private void publish(List<Message> messages) {
        for (Message message : messages) {
            publications.add(message);
            byte[] payload = codec.encode(message);
            for (Peer recipient : subscribed) {
                inFlight.add(new Delivery(now + latencyMillis, sequence++, recipient, message.topic(), payload));
            }
        }
    }

    private void deliverDue() {
        int delivered = 0;
        while (!inFlight.isEmpty() && inFlight.peek().deliverAt() <= now) {
            Delivery delivery = inFlight.poll();
            if (!subscribed.contains(delivery.recipient()) || cutOff.contains(delivery.recipient().clientId())) {
                continue;
            }
            delivered++;
            if (delivered > MAX_DELIVERIES_PER_STEP) {
                throw new AssertionError("peers still publishing after " + MAX_DELIVERIES_PER_STEP
                        + " deliveries at " + now + " ms; last publications: " + lastPublications(10));
            }
            publish(delivery.recipient().receive(decode(delivery), now));
        }
    }

    private Message decode(Delivery delivery) {
        try {
            return codec.decode(delivery.topic(), delivery.payload());
        } catch (InvalidMessageException e) {
            throw new AssertionError("a peer published a payload that does not decode: " + e.getMessage(), e);
        }
    }

    private List<Message> lastPublications(int count) {
        return publications.subList(Math.max(0, publications.size() - count), publications.size());
    }
}
