package dev.fileshare.shared;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One member of a request that creates or changes something: left out (keep, or the default), given
 * as null (clear), or given a value.
 */
public record Change<T>(boolean given, @Nullable T value) {

  private static final Change<?> ABSENT = new Change<>(false, null);

  @SuppressWarnings("unchecked")
  public static <T> Change<T> absent() {
    return (Change<T>) ABSENT;
  }

  public static <T> Change<T> of(@Nullable T value) {
    return new Change<>(true, value);
  }

  public Optional<T> present() {
    return Optional.ofNullable(value);
  }
}
