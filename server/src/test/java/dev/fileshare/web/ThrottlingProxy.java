package dev.fileshare.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy between the browser and the server that plays the network: what the browser sends
 * goes at most {@code uploadBytesPerSecond}, and offline every connection is cut and new ones are
 * refused until it is online again. Chromium 150 no longer slows uploads for its own network
 * emulation, so the browser tests that cut an upload halfway use this instead.
 */
final class ThrottlingProxy implements AutoCloseable {

  private static final int PIECE = 16 * 1024;

  private final ServerSocket listener;
  private final int target;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private volatile long uploadBytesPerSecond;
  private volatile boolean offline;

  ThrottlingProxy(int target) throws IOException {
    this.target = target;
    this.listener = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
    daemon(this::accept);
  }

  int port() {
    return listener.getLocalPort();
  }

  /** Offline, or online with what the browser sends limited to this rate (0: no limit). */
  void network(boolean offline, long uploadBytesPerSecond) {
    this.uploadBytesPerSecond = uploadBytesPerSecond;
    this.offline = offline;
    if (offline) {
      for (var socket : sockets) {
        close(socket);
      }
      sockets.clear();
    }
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        var client = listener.accept();
        if (offline) {
          close(client);
          continue;
        }
        var server = new Socket(InetAddress.getLoopbackAddress(), target);
        sockets.add(client);
        sockets.add(server);
        daemon(() -> pump(client, server, true));
        daemon(() -> pump(server, client, false));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void pump(Socket from, Socket to, boolean upload) {
    var buffer = new byte[PIECE];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      int read;
      while ((read = in.read(buffer)) >= 0) {
        out.write(buffer, 0, read);
        out.flush();
        var rate = uploadBytesPerSecond;
        if (upload && rate > 0) {
          Thread.sleep(Math.max(1, read * 1000L / rate));
        }
      }
    } catch (IOException | InterruptedException cut) {
      // the other side, or going offline, closed it
    } finally {
      close(from);
      close(to);
      sockets.remove(from);
      sockets.remove(to);
    }
  }

  private static void daemon(Runnable task) {
    var thread = new Thread(task, "throttling-proxy");
    thread.setDaemon(true);
    thread.start();
  }

  private static void close(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closed already
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    network(true, 0);
  }
}
