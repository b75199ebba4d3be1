package dev.selfservice.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Loopback ports for the servers the tests start (the portal, the local tenant and its SMTP server, Redis, packaged
 * replicas), the one way the suite picks them. A port is chosen before its server binds it, often long before (the
 * test portal is stopped and started again on the same port for each test profile), so a port the kernel hands out
 * for "any free port" would be a bad choice: outgoing connections take their local ports from that same ephemeral
 * range, and one of the many the suite opens could hold it just when the server binds. These ports are taken below
 * that range, never twice in one JVM, and only when nothing listens on them now.
 */
public final class FreePorts {

    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();
    private static final int LOWEST = 20_000;

    private FreePorts() {
    }

    /** A loopback port that nothing listens on, outside the range the kernel gives to outgoing connections. */
    public static int listenable() {
        int below = ephemeralRangeStart();
        int lowest = LOWEST;
        for (int tries = 0; tries < 1_000; tries++) {
            int port = ThreadLocalRandom.current().nextInt(lowest, below);
            if (GIVEN.add(port) && bindable(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free loopback port between " + lowest + " and " + below);
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Linux's net.ipv4.ip_local_port_range start (32768 by default); the default where it cannot be read. */
    static int ephemeralRangeStart() {
        // read line by line: procfs reports a size of 0, and a read sized by it stops after the first byte
        try (java.io.BufferedReader range = Files.newBufferedReader(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))) {
            int start = Integer.parseInt(range.readLine().trim().split("\\s+")[0]);
            return start > LOWEST + 1_000 ? start : 32_768;
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }
}
