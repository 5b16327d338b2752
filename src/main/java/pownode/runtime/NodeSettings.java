package pownode.runtime;

import java.nio.file.Path;
import java.util.random.RandomGenerator;
import pownode.i18n.Messages;
import pownode.node.NodeConfig;
import pownode.transport.BrokerSettings;

/**
 * Everything one peer needs, already validated.
 *
 * @param random the node's randomness (VoteID, challenges, first counters); seeded for reproducible runs
 * @param eventsPath the events file, or null for none
 * @param clientIdWasRandom true when the ClientID was drawn, so it may be drawn again when taken
 */
public record NodeSettings(NodeConfig node, BrokerSettings broker, String topicPrefix, int minerThreads,
        RandomGenerator random, Path eventsPath, Messages messages, boolean clientIdWasRandom) {
}
