package dev.fileshare.files;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;

/** Every {@link FileEvent} the application published, as the activity feed would hear them. */
class RecordedFileEvents {

  private final List<FileEvent> events = new CopyOnWriteArrayList<>();

  @EventListener
  void on(FileEvent event) {
    events.add(event);
  }

  private static final Set<FileEvent.Action> OF_VERSIONS =
      EnumSet.of(
          FileEvent.Action.REPLACED,
          FileEvent.Action.VERSION_RESTORED,
          FileEvent.Action.VERSION_DELETED);

  /** What was told of the file's content and versions, in order, as {@code action:detail}. */
  List<String> of(long fileId) {
    return events.stream()
        .filter(event -> event.fileId() == fileId && OF_VERSIONS.contains(event.action()))
        .map(event -> event.action().wire() + ":" + event.detail())
        .toList();
  }
}
