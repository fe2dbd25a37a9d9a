package io.wiretag.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Whether a local port is free, and a free one: for the embedded broker and the demo's HTTP port. */
public final class Ports {
    private Ports() {
    }

    public static boolean isFree(String host, int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(host, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static int free(String host) {
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getByName(host))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + host + ": " + e.getMessage(), e);
        }
    }
}
