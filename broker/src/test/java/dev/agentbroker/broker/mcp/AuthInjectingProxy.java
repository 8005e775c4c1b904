package dev.agentbroker.broker.mcp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A loopback TCP proxy for clients that cannot send a bearer token (the conformance suite):
 * it adds {@code Authorization: Bearer TOKEN} and {@code Connection: close} to each request
 * head and passes everything else, {@code Host} and {@code Origin} included, unchanged.
 */
final class AuthInjectingProxy implements AutoCloseable {
    private final ServerSocket listener;
    private volatile int target;
    private volatile String token;

    AuthInjectingProxy() throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::accept);
    }

    /** Where to relay, and the token to add. */
    void target(int targetPort, String bearer) {
        this.target = targetPort;
        this.token = bearer;
    }

    int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Thread.ofVirtual().start(() -> relay(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void relay(Socket client) {
        try (client; Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target)) {
            InputStream in = client.getInputStream();
            OutputStream up = upstream.getOutputStream();
            up.write(head(in));
            up.flush();
            Thread back = Thread.ofVirtual().start(() -> copy(quietly(upstream), quietlyOut(client)));
            copy(in, up);
            back.join();
        } catch (IOException | InterruptedException e) {
            // one side closed; the exchange is over
        }
    }

    private byte[] head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed before the request head ended");
            }
            head.write(b);
            state = (b == '\r' && state % 2 == 0) || (b == '\n' && state % 2 == 1) ? state + 1 : 0;
        }
        StringBuilder out = new StringBuilder();
        for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
            String lower = line.toLowerCase();
            if (!lower.startsWith("connection:") && !lower.startsWith("authorization:") && !lower.startsWith("keep-alive:")) {
                out.append(line).append("\r\n");
            }
        }
        out.append("Authorization: Bearer ").append(token).append("\r\nConnection: close\r\n\r\n");
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static InputStream quietly(Socket s) {
        try {
            return s.getInputStream();
        } catch (IOException e) {
            return InputStream.nullInputStream();
        }
    }

    private static OutputStream quietlyOut(Socket s) {
        try {
            return s.getOutputStream();
        } catch (IOException e) {
            return OutputStream.nullOutputStream();
        }
    }

    private static void copy(InputStream in, OutputStream out) {
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // the other side went away
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
