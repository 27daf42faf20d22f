package dev.fileshare.inspection.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.inspection.ActiveContentPolicy;
import dev.fileshare.inspection.DocumentInspector;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class InspectionSettingsTests {

  final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withUserConfiguration(Settings.class, PdfDocumentInspector.class);

  @Test
  void allowsThirtySecondsAndTwoDocumentsAtOnceByDefault() {
    context.run(
        app -> {
          assertThat(app).hasSingleBean(DocumentInspector.class);
          assertThat(app.getBean(InspectionSettings.class))
              .isEqualTo(
                  InspectionSettings.of(Duration.ofSeconds(30), 2, ActiveContentPolicy.FLAG));
        });
  }

  @Test
  void takesLimitsFromTheConfiguration() {
    context
        .withPropertyValues("fileshare.inspection.timeout=5s", "fileshare.inspection.concurrency=4")
        .run(
            app ->
                assertThat(app.getBean(InspectionSettings.class))
                    .isEqualTo(
                        InspectionSettings.of(Duration.ofSeconds(5), 4, ActiveContentPolicy.FLAG)));
  }

  @Test
  void takesTheFairnessAndDecodingLimitsFromTheConfiguration() {
    context
        .withPropertyValues(
            "fileshare.inspection.costly-concurrency=3",
            "fileshare.inspection.per-user-slots=2",
            "fileshare.inspection.max-decoded=16MB",
            "fileshare.inspection.active-content=reject")
        .run(
            app ->
                assertThat(app.getBean(InspectionSettings.class))
                    .isEqualTo(
                        new InspectionSettings(
                            Duration.ofSeconds(30),
                            2,
                            3,
                            2,
                            org.springframework.util.unit.DataSize.ofMegabytes(16),
                            ActiveContentPolicy.REJECT)));
  }

  @Test
  void refusesToStartWithoutACostlySlot() {
    context
        .withPropertyValues("fileshare.inspection.costly-concurrency=0")
        .run(app -> assertThat(app).hasFailed());
  }

  @Test
  void refusesToStartWithoutTime() {
    context
        .withPropertyValues("fileshare.inspection.timeout=0s")
        .run(app -> assertThat(app).hasFailed());
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(InspectionSettings.class)
  static class Settings {}
}
