package dev.fileshare.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on 127.0.0.1 in front of a server that, on command, stalls: it keeps every connection
 * open, accepts new ones, and forwards nothing in either direction until told to go on, the way a
 * store that hangs looks to its clients. It can stall by itself once a number of bytes went one way
 * since it was armed, so that a test stops the traffic in the middle of a request body or of an
 * answer's body. When it goes on, the connections that stalled are closed, as a store node that
 * hung and was restarted closes them, and new ones go through: bytes sent into the stall are never
 * delivered late, after the client gave up on them (a part arriving after its upload was aborted,
 * which S3 refuses but S3Proxy's in-memory store would keep). It can also be slow without stalling:
 * with a throttle, each connection forwards at most so many bytes a second one way, in small
 * pieces, the way a store far away or overloaded looks.
 */
public final class StallingProxy implements AutoCloseable {

  /** Which way the bytes go. */
  public enum Direction {
    /** From the client to the server (a request, an upload's body). */
    UP,
    /** From the server to the client (an answer, a download's body). */
    DOWN
  }

  private final URI target;
  private final ServerSocket listener;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final Object lock = new Object();
  private boolean stalled;
  private long stalledAt;
  private Direction armedDirection = Direction.UP;
  private final AtomicLong armedBytes = new AtomicLong(Long.MAX_VALUE);
  private volatile long throttledBytesPerSecond;
  private volatile Direction throttledDirection = Direction.DOWN;

  /** Listens on a free port of 127.0.0.1 and forwards to {@code target}'s host and port. */
  public StallingProxy(URI target) {
    this.target = target;
    try {
      listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    daemon("stalling-proxy", this::accept);
  }

  /** The proxy's address, e.g. {@code http://127.0.0.1:41234}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + listener.getLocalPort());
  }

  /** Stalls once {@code bytes} more bytes went {@code direction} (over all connections). */
  public void stallAfter(Direction direction, long bytes) {
    synchronized (lock) {
      armedDirection = direction;
      armedBytes.set(bytes);
    }
  }

  /**
   * Forwards at most this many bytes a second on each connection {@code direction}; 0: as fast as
   * it can. The other direction goes as fast as it can.
   */
  public void throttle(Direction direction, long bytesPerSecond) {
    this.throttledDirection = direction;
    this.throttledBytesPerSecond = bytesPerSecond;
  }

  /** Whether the proxy forwards nothing just now. */
  public boolean stalled() {
    synchronized (lock) {
      return stalled;
    }
  }

  /** How long ago the proxy last stopped forwarding. */
  public Duration sinceStalled() {
    synchronized (lock) {
      return Duration.ofNanos(System.nanoTime() - stalledAt);
    }
  }

  /** Closes the connections that stalled and forwards what comes; disarms {@link #stallAfter}. */
  public void resume() {
    synchronized (lock) {
      armedBytes.set(Long.MAX_VALUE);
      if (stalled) {
        sockets.forEach(StallingProxy::close);
        sockets.clear();
      }
      stalled = false;
      lock.notifyAll();
    }
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        var client = listener.accept();
        var server = new Socket();
        server.connect(new InetSocketAddress(target.getHost(), target.getPort()));
        synchronized (lock) {
          sockets.add(client);
          sockets.add(server);
        }
        pump(client, server, Direction.UP);
        pump(server, client, Direction.DOWN);
      } catch (IOException closed) {
        // the listener was closed, or the target refused: the client sees its connection close
      }
    }
  }

  private void pump(Socket from, Socket to, Direction direction) {
    daemon(
        "stalling-proxy-" + direction,
        () -> {
          var buffer = new byte[16 * 1024];
          try (InputStream in = from.getInputStream();
              OutputStream out = to.getOutputStream()) {
            while (true) {
              awaitFlowing();
              var n = in.read(buffer);
              if (n < 0) {
                break;
              }
              awaitFlowing();
              out.write(buffer, 0, n);
              counted(direction, n);
              var rate = throttledBytesPerSecond;
              if (rate > 0 && direction == throttledDirection) {
                java.util.concurrent.TimeUnit.NANOSECONDS.sleep(n * 1_000_000_000L / rate);
              }
            }
          } catch (IOException | InterruptedException closed) {
            // one side closed or reset: close the other one too
          } finally {
            close(from);
            close(to);
          }
        });
  }

  private static void daemon(String name, Runnable work) {
    var thread = new Thread(work, name);
    thread.setDaemon(true);
    thread.start();
  }

  private void awaitFlowing() throws InterruptedException {
    synchronized (lock) {
      while (stalled) {
        lock.wait();
      }
    }
  }

  private void counted(Direction direction, int n) {
    synchronized (lock) {
      if (direction == armedDirection && armedBytes.addAndGet(-n) <= 0) {
        armedBytes.set(Long.MAX_VALUE);
        stalled = true;
        stalledAt = System.nanoTime();
      }
    }
  }

  private static void close(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  @Override
  public void close() {
    close(listener);
    resume();
    sockets.forEach(StallingProxy::close);
  }

  private static void close(ServerSocket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }
}
