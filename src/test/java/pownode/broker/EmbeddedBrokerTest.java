package pownode.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class EmbeddedBrokerTest {

    @Test
    void restartOnSamePort_acceptsConnectionsEachTime() throws Exception {
        EmbeddedBroker broker = EmbeddedBroker.start("127.0.0.1", 0);
        int port = broker.port();
        try {
            for (int restart = 0; restart < 3; restart++) {
                broker.close();
                broker = EmbeddedBroker.start("127.0.0.1", port);

                assertThat(broker.port()).isEqualTo(port);
                assertThat(accepts(port)).as("listening after restart %d", restart).isTrue();
            }
        } finally {
            broker.close();
        }
    }

    @Test
    void portInUse_failsWithReason() throws Exception {
        try (ServerSocket occupant = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = occupant.getLocalPort();

            assertThatThrownBy(() -> EmbeddedBroker.start("127.0.0.1", port))
                    .isInstanceOfSatisfying(BrokerStartException.class,
                            e -> assertThat(e.reason()).isEqualTo(BrokerStartException.Reason.PORT_IN_USE));
        }
    }

    @Test
    void unknownHost_failsWithReason() {
        assertThatThrownBy(() -> EmbeddedBroker.start("nosuchhost.invalid", 0))
                .isInstanceOfSatisfying(BrokerStartException.class,
                        e -> assertThat(e.reason()).isEqualTo(BrokerStartException.Reason.UNKNOWN_HOST));
    }

    @Test
    void foreignAddress_failsWithReason() {
        // 192.0.2.1 is reserved for documentation (RFC 5737), so no interface of this machine has it.
        assertThatThrownBy(() -> EmbeddedBroker.start("192.0.2.1", 0))
                .isInstanceOfSatisfying(BrokerStartException.class,
                        e -> assertThat(e.reason()).isEqualTo(BrokerStartException.Reason.ADDRESS_NOT_LOCAL));
    }

    @Test
    void wildcardHost_acceptsLoopbackConnections() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start("0.0.0.0", 0)) {
            assertThat(broker.port()).isPositive();
            assertThat(accepts(broker.port())).isTrue();
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
