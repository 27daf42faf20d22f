package dev.fileshare.cli;

import java.time.Duration;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jspecify.annotations.Nullable;

/**
 * Progress bars on standard error while bytes move, drawn only when the output is a terminal (and
 * neither --quiet nor --json was given); otherwise every bar is a no-op.
 */
final class Progress {

  private static final long MIB = 1024 * 1024;

  private final boolean enabled;

  Progress(boolean enabled) {
    this.enabled = enabled;
  }

  /** A bar of {@code max} bytes that starts at {@code start} (a resumed transfer). */
  Bar bar(String name, long max, long start) {
    if (!enabled) {
      return new Bar(null);
    }
    return new Bar(
        new ProgressBarBuilder()
            .setTaskName(shorten(name))
            .setInitialMax(Math.max(max, 1))
            .setStyle(ProgressBarStyle.ASCII)
            .setUnit("MiB", MIB)
            .setUpdateIntervalMillis(200)
            .showSpeed()
            .startsFrom(start, Duration.ZERO)
            .build());
  }

  /** One bar; closing it draws it complete and leaves it on its line. */
  static final class Bar implements AutoCloseable {
    private final @Nullable ProgressBar bar;

    Bar(@Nullable ProgressBar bar) {
      this.bar = bar;
    }

    void stepTo(long done) {
      if (bar != null) {
        bar.stepTo(done);
      }
    }

    void stepBy(long more) {
      if (bar != null) {
        bar.stepBy(more);
      }
    }

    @Override
    public void close() {
      if (bar != null) {
        bar.close();
      }
    }
  }

  private static String shorten(String name) {
    return name.length() <= 30
        ? name
        : name.substring(0, 14) + "…" + name.substring(name.length() - 15);
  }
}
