package pownode.node;

import java.util.ArrayList;
import java.util.List;
import pownode.protocol.Message;
import pownode.protocol.Topic;

/** Collects the actions of one step of the state machine, in order. */
final class Outbox {
    private final List<Action> actions = new ArrayList<>();

    void publish(Message message) {
        actions.add(new Action.Publish(message));
    }

    void report(NodeEvent event) {
        actions.add(new Action.Report(event));
    }

    void ignored(Topic topic, IgnoredReason reason, String detail) {
        report(new NodeEvent.InputIgnored(topic, reason, detail));
    }

    void startMining(long transactionId, int challenge, String prefix, long firstCounter) {
        actions.add(new Action.StartMining(transactionId, challenge, prefix, firstCounter));
    }

    void stopMining() {
        actions.add(new Action.StopMining());
    }

    void finish(int rounds) {
        report(new NodeEvent.RoundsCompleted(rounds));
        actions.add(new Action.Finish(rounds));
    }

    void abort() {
        actions.add(new Action.Abort());
    }

    List<Action> drain() {
        List<Action> drained = List.copyOf(actions);
        actions.clear();
        return drained;
    }
}
