package dev.froster.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP port that forwards every connection to another address, byte for byte, in both directions.
 * Before {@link #open} nothing listens on the port, so a client gets "connection refused" exactly
 * as from a database that is down; opening it is the database coming back, without touching either
 * side.
 */
final class TcpForwarder implements AutoCloseable {

  private final ServerSocket listener;
  private final InetSocketAddress target;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

  private TcpForwarder(ServerSocket listener, InetSocketAddress target) {
    this.listener = listener;
    this.target = target;
  }

  /** A port on the loopback interface that nothing listens on now (the kernel's choice). */
  static int unusedLoopbackPort(InetAddress loopback) throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, loopback)) {
      return probe.getLocalPort();
    }
  }

  /** Starts listening on {@code address} and forwarding to {@code target}. */
  static TcpForwarder open(InetSocketAddress address, InetSocketAddress target) throws IOException {
    ServerSocket listener = new ServerSocket();
    // The port was probed free moments ago and may still be in TIME_WAIT.
    listener.setReuseAddress(true);
    listener.bind(address);
    TcpForwarder forwarder = new TcpForwarder(listener, target);
    daemon("forwarder-accept-" + address.getPort(), forwarder::acceptLoop);
    return forwarder;
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket upstream = new Socket();
        upstream.connect(target, 5_000);
        sockets.add(client);
        sockets.add(upstream);
        daemon("forwarder-up", () -> pump(client, upstream));
        daemon("forwarder-down", () -> pump(upstream, client));
      } catch (IOException closedOrUnreachable) {
        // Closed: the loop ends. Target unreachable: the client sees its connection dropped.
      }
    }
  }

  private void pump(Socket from, Socket to) {
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        out.write(buffer, 0, read);
        out.flush();
      }
    } catch (SocketException closed) {
      // One side went away; closing both ends below tells the other side.
    } catch (IOException failure) {
      // Same: a broken connection is passed on as a closed one.
    } finally {
      closeQuietly(from);
      closeQuietly(to);
      sockets.remove(from);
      sockets.remove(to);
    }
  }

  @Override
  public void close() {
    closeQuietly(listener);
    sockets.forEach(TcpForwarder::closeQuietly);
  }

  private static void daemon(String name, Runnable work) {
    Thread thread = new Thread(work, name);
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception alreadyClosed) {
      // Nothing left to release.
    }
  }
}
