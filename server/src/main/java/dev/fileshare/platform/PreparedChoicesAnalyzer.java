package dev.fileshare.platform;

import dev.fileshare.platform.PreparedChoices.PreparedChoicesDiffer;
import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says what differs between the build's prepared choices and the start, and what to do. */
class PreparedChoicesAnalyzer extends AbstractFailureAnalyzer<PreparedChoicesDiffer> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, PreparedChoicesDiffer cause) {
    return new FailureAnalysis(
        "The server was started with -Dspring.aot.enabled=true, but the jar's ahead-of-time"
            + " configuration was prepared for other choices than this start's configuration:\n"
            + cause.differences().stream()
                .map(difference -> "  - " + difference)
                .collect(Collectors.joining("\n")),
        "Start without -Dspring.aot.enabled=true, or build the jar with this start's choices:"
            + " ./mvnw -pl server package -Daot.settings=\"-D<setting> ...\" on the JDK it runs"
            + " on (README, \"Starting faster\").",
        cause);
  }
}
