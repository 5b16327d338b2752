package pownode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BrokerUriTest {

    @ParameterizedTest
    @CsvSource({
        "tcp://broker.emqx.io:1883, tcp://broker.emqx.io:1883",
        "tcp://127.0.0.1, tcp://127.0.0.1:1883",
        "ssl://127.0.0.1, ssl://127.0.0.1:8883",
        "ws://127.0.0.1/mqtt, ws://127.0.0.1:80/mqtt",
        "wss://127.0.0.1:8084/mqtt, wss://127.0.0.1:8084/mqtt",
        "tcp://[::1], tcp://[::1]:1883",
        "tcp://[::1]:1884, tcp://[::1]:1884",
    })
    void validUri_getsExplicitPort(String uri, String expected) {
        assertThat(BrokerUri.normalize(uri)).hasValue(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "not a uri", "http://127.0.0.1:1", "tcp://", "tcp://127.0.0.1:99999", "tcp://127.0.0.1:0",
        "tcp://127.0.0.1:1883/x", "ssl://127.0.0.1:8883/x", "tcp://127.0.0.1:1883?a=b", "tcp://user@127.0.0.1:1883",
        "127.0.0.1:1883",
    })
    void invalidUri_isRejected(String uri) {
        assertThat(BrokerUri.normalize(uri)).as(uri).isEmpty();
    }
}
