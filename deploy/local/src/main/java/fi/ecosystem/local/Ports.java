package fi.ecosystem.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

final class Ports {

    private Ports() {
    }

    /** Fails early with a clear message when something already listens on the port. */
    static void requireFree(String what, int port) {
        if (inUse(port)) {
            throw new IllegalStateException("port " + port + " for " + what
                    + " is already in use (is another stack running? stop it, or choose another port)");
        }
    }

    static boolean inUse(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 300);
            return true;
        } catch (IOException e) {
            // nothing answers; also make sure we could bind it
        }
        try (ServerSocket ss = new ServerSocket()) {
            ss.setReuseAddress(true);
            ss.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    static boolean canConnect(int port, int timeoutMillis) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("localhost", port), timeoutMillis);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
