package pownode.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pownode.testing.FreePort;
import pownode.testing.JarProcess;
import pownode.testing.MosquittoBroker;

/**
 * Nodes on a Mosquitto TLS listener signed by a CA generated for the test, with a password
 * file: the right CA and credentials connect, wrong ones are rejected with a clear message.
 */
class SecureBrokerIT {
    private static final String USER = "student";
    private static final String PASSWORD = "s3cret";

    @TempDir
    Path dir;

    private Process mosquitto;
    private int port;

    @BeforeEach
    void startTlsBroker() throws Exception {
        MosquittoBroker.start(dir).close(); // fails on CI or skips elsewhere when Mosquitto is missing
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=pow-node test CA", "-keyout", "ca.key", "-out", "ca.pem");
        run("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1",
                "-keyout", "server.key", "-out", "server.csr");
        Files.writeString(dir.resolve("san.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
        run("openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
                "-CAcreateserial", "-days", "2", "-extfile", "san.ext", "-out", "server.pem");
        run("mosquitto_passwd", "-b", "-c", "passwords", USER, PASSWORD);
        port = FreePort.pick();
        Files.writeString(dir.resolve("tls.conf"), String.join("\n",
                "listener " + port + " 127.0.0.1",
                "cafile " + dir.resolve("ca.pem"),
                "certfile " + dir.resolve("server.pem"),
                "keyfile " + dir.resolve("server.key"),
                "allow_anonymous false",
                "password_file " + dir.resolve("passwords"),
                // Mosquitto started as root switches to its own user, which cannot read this private folder.
                "user " + System.getProperty("user.name"),
                ""));
        mosquitto = new ProcessBuilder("mosquitto", "-c", dir.resolve("tls.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        await().atMost(Duration.ofSeconds(20)).until(() -> !mosquitto.isAlive() || FreePort.isListening(port));
        assertThat(mosquitto.isAlive()).as(Files.readString(dir.resolve("mosquitto.log"))).isTrue();
    }

    @AfterEach
    void stopBroker() throws InterruptedException {
        if (mosquitto != null) {
            mosquitto.destroy();
            mosquitto.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void tlsWithPrivateCa_credentialsAccepted_groupFinishesRound() throws Exception {
        List<JarProcess> nodes = new ArrayList<>();
        try {
            // One node takes the password on the command line, the other from the environment.
            nodes.add(JarProcess.start(dir.resolve("a.log"), Map.of(), nodeArgs("--password", PASSWORD)));
            nodes.add(JarProcess.start(dir.resolve("b.log"), Map.of("POWNODE_PASSWORD", PASSWORD), nodeArgs()));

            for (JarProcess node : nodes) {
                assertThat(node.waitForExit(90)).as(node.output()).isZero();
                assertThat(node.output()).doesNotContain(PASSWORD);
            }
        } finally {
            nodes.forEach(JarProcess::close);
        }
    }

    @Test
    void wrongPassword_isRejectedWithExitCode1() throws Exception {
        try (JarProcess node = JarProcess.start(dir.resolve("wrong.log"), Map.of(), nodeArgs("--password", "nope"))) {
            assertThat(node.waitForExit(60)).as(node.output()).isEqualTo(1);
            assertThat(node.output()).contains("rejected the credentials").doesNotContain("nope");
        }
    }

    @Test
    void tlsWithoutTheCa_failsToConnect() throws Exception {
        String[] args = {"--nodes", "2", "--broker", "ssl://127.0.0.1:" + port, "--username", USER,
            "--password", PASSWORD, "--lang", "en"};
        try (JarProcess node = JarProcess.start(dir.resolve("noca.log"), Map.of(), args)) {
            assertThat(node.waitForExit(60)).as(node.output()).isEqualTo(1);
            assertThat(node.output()).contains("Could not connect to the broker ssl://127.0.0.1:" + port);
        }
    }

    private String[] nodeArgs(String... extra) {
        List<String> args = new ArrayList<>(List.of("--nodes", "2", "--broker", "ssl://127.0.0.1:" + port,
                "--ca-file", dir.resolve("ca.pem").toString(), "--username", USER, "--topic-prefix", "tls",
                "--rounds", "1", "--max-challenge", "2", "--threads", "1", "--lang", "en"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    private void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("setup.log").toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + Files.readString(dir.resolve("setup.log")))
                .isZero();
    }
}
