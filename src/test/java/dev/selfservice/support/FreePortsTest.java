package dev.selfservice.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void portsAreTakenBelowTheRangeOfOutgoingConnectionsNeverTwiceAndCanBeListenedOn() throws IOException {
        int ephemeral = FreePorts.ephemeralRangeStart();
        assertThat(ephemeral).as("the kernel's range was read whole, not its first digit").isGreaterThan(21_000);
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            int port = FreePorts.listenable();
            assertThat(port).isBetween(20_000, ephemeral - 1);
            assertThat(ports.add(port)).as("never given twice").isTrue();
        }
        int port = FreePorts.listenable();
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
    }
}
