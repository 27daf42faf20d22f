package dev.fileshare.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy in front of the server that counts the bytes going each way and, when told to, cuts
 * every connection once a number of bytes has passed in one direction (a network that drops), or
 * flips one byte of what the server sends (a network that corrupts).
 */
final class CutProxy implements AutoCloseable {

  private final ServerSocket listener;
  private final int target;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  final AtomicLong up = new AtomicLong();
  final AtomicLong down = new AtomicLong();
  private volatile long cutUpAfter = Long.MAX_VALUE;
  private volatile long cutDownAfter = Long.MAX_VALUE;
  private volatile long corruptDownAt = -1;
  private volatile boolean refusing;

  CutProxy(int target) throws IOException {
    this.target = target;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    daemon(this::accept);
  }

  String url() {
    return "http://127.0.0.1:" + listener.getLocalPort();
  }

  /** Counts from zero again, passes everything. */
  void reset() {
    up.set(0);
    down.set(0);
    cutUpAfter = Long.MAX_VALUE;
    cutDownAfter = Long.MAX_VALUE;
    corruptDownAt = -1;
    refusing = false;
  }

  /** Cuts every connection once this many bytes went to the server, and refuses new ones. */
  void cutUpAfter(long bytes) {
    cutUpAfter = bytes;
  }

  /** Cuts every connection once this many bytes came from the server, and refuses new ones. */
  void cutDownAfter(long bytes) {
    cutDownAfter = bytes;
  }

  /** Flips the byte at this position of what comes from the server. */
  void corruptDownAt(long position) {
    corruptDownAt = position;
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        var client = listener.accept();
        if (refusing) {
          client.close();
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

  private void pump(Socket from, Socket to, boolean toServer) {
    var counter = toServer ? up : down;
    var buffer = new byte[64 * 1024];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      int read;
      while ((read = in.read(buffer)) >= 0) {
        var before = counter.get();
        var limit = toServer ? cutUpAfter : cutDownAfter;
        if (before + read > limit) {
          var allowed = (int) Math.max(0, limit - before);
          out.write(buffer, 0, allowed);
          counter.addAndGet(allowed);
          out.flush();
          cutAll();
          return;
        }
        var corrupt = corruptDownAt;
        if (!toServer && corrupt >= before && corrupt < before + read) {
          buffer[(int) (corrupt - before)] ^= 0x55;
        }
        out.write(buffer, 0, read);
        counter.addAndGet(read);
      }
    } catch (IOException cut) {
      // the other side or the cut closed it
    } finally {
      close(from);
      close(to);
    }
  }

  private void cutAll() {
    refusing = true;
    for (var socket : sockets) {
      close(socket);
    }
    sockets.clear();
  }

  private static void daemon(Runnable task) {
    var thread = new Thread(task, "cut-proxy");
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
    cutAll();
  }
}
