package dev.fileshare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.ClassUtils;

class PreparedChoicesTests {

  @Test
  void theDefaultConfigurationMatchesABuildThatPreparedNoChoice() {
    assertThat(PreparedChoices.differences(new MockEnvironment(), type -> false)).isEmpty();
  }

  @Test
  void aStartThatAsksForS3FromABuildForTheLocalDiskIsToldHowToBuildForIt() {
    var env = new MockEnvironment().withProperty("fileshare.storage.s3.bucket", "files");

    assertThat(PreparedChoices.differences(env, type -> false))
        .containsExactly(
            "blobs in S3: this start asks for it, the build did not prepare it"
                + " (-Dfileshare.storage.type=s3)");
  }

  @Test
  void aStartWithoutSmtpFromABuildThatPreparedItIsRefusedToo() {
    var prepared = Set.of("org.springframework.mail.javamail.JavaMailSender");

    assertThat(PreparedChoices.differences(new MockEnvironment(), prepared::contains))
        .containsExactly(
            "mail through SMTP: the build prepared it (-Dspring.mail.host=<any>), this start does"
                + " not ask for it");
  }

  @Test
  void choicesMadeByBothMatch() {
    var env =
        new MockEnvironment()
            .withProperty("fileshare.storage.type", "S3")
            .withProperty("spring.mail.host", "smtp.example.com")
            .withProperty(
                "spring.security.oauth2.client.registration.company.client-id", "fileshare")
            .withProperty("fileshare.verify.interval", "7d")
            .withProperty("server.forward-headers-strategy", "framework");
    var notVirtual =
        "org.springframework.boot.tomcat.autoconfigure"
            + ".TomcatVirtualThreadsWebServerFactoryCustomizer";

    assertThat(PreparedChoices.differences(env, type -> !type.equals(notVirtual))).isEmpty();
    assertThat(PreparedChoices.differences(env, type -> false)).hasSize(5);
  }

  @Test
  void everyChoiceIsKnownByABeanTypeThatExists() {
    // a renamed class would otherwise pass for a choice never prepared
    assertThat(PreparedChoices.CHOICES)
        .allSatisfy(
            choice ->
                assertThat(ClassUtils.isPresent(choice.bean(), getClass().getClassLoader()))
                    .as(choice.bean())
                    .isTrue());
  }
}
