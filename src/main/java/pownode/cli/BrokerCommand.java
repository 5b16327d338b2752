package pownode.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import pownode.broker.BrokerStartException;
import pownode.broker.EmbeddedBroker;
import pownode.i18n.Messages;

/** {@code java -jar node.jar broker}: runs the embedded broker until Ctrl-C. */
@Command(name = "broker", mixinStandardHelpOptions = true, version = "pow-node 0.1.0",
        resourceBundle = "i18n.broker", usageHelpAutoWidth = true)
final class BrokerCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "P", defaultValue = "1883", descriptionKey = "option.port")
    private int port;

    @Option(names = "--host", paramLabel = "H", defaultValue = "127.0.0.1", descriptionKey = "option.host")
    private String host;

    @Mixin
    private LanguageOption language;

    private final Messages messages;

    BrokerCommand(Messages messages) {
        this.messages = messages;
    }

    @Override
    public Integer call() throws Exception {
        language.validate(spec.commandLine(), messages);
        if (port < 0 || port > 65_535) {
            throw new InvalidOptionException(spec.commandLine(),
                    InvalidOptionException.describe(messages, "--port", Integer.toString(port)));
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        EmbeddedBroker broker;
        try {
            broker = EmbeddedBroker.start(host, port);
        } catch (BrokerStartException e) {
            err.println(messages.get("broker.startFailed." + e.reason().name(), host, port));
            err.flush();
            return 1;
        } catch (IOException | RuntimeException e) {
            err.println(messages.get("broker.startFailed", host, port, String.valueOf(e.getMessage())));
            err.flush();
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        StopSignals.install(stopped::countDown);
        out.println(messages.get("broker.listening", host, broker.port()));
        out.flush();
        stopped.await();
        broker.close();
        out.println(messages.get("broker.stopped"));
        out.flush();
        return 0;
    }
}
