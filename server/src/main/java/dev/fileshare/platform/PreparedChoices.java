package dev.fileshare.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.aot.AotDetector;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.thread.Threading;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Started with {@code -Dspring.aot.enabled=true}, the server takes its beans from the definitions
 * that the build prepared ahead of time ({@code spring-boot:process-aot}) instead of scanning the
 * classes and evaluating the auto-configurations' conditions: about a second less of every start.
 * But then the choices those conditions make (S3 or the local disk, SMTP or the log, sign-in
 * through identity providers, the scheduled storage check, Spring's filter for forwarded headers,
 * virtual threads) are those of the build's configuration and JDK, not of this start's. A start
 * whose configuration asks for a choice the build did not make, or leaves out one it made, would
 * run without it, or with it half set up; it is refused instead, naming each difference and how to
 * build for it. Without AOT nothing is checked: the conditions are evaluated at start as usual.
 */
class PreparedChoices implements ApplicationListener<ApplicationPreparedEvent> {

  /**
   * A choice made by a condition: what it is, the setting that makes it, whether this start's
   * configuration asks for it, and the type of a bean that exists only when it was made.
   */
  record Choice(
      String what, String setting, Predicate<ConfigurableEnvironment> wanted, String bean) {

    String prepare() {
      return setting.startsWith("JDK") ? "build on " + setting : "-D" + setting;
    }
  }

  static final List<Choice> CHOICES =
      List.of(
          new Choice(
              "blobs in S3",
              "fileshare.storage.type=s3",
              env ->
                  "s3".equalsIgnoreCase(env.getProperty("fileshare.storage.type", ""))
                      || StringUtils.hasText(env.getProperty("fileshare.storage.s3.bucket")),
              "software.amazon.awssdk.services.s3.S3Client"),
          new Choice(
              "mail through SMTP",
              "spring.mail.host=<any>",
              env ->
                  env.containsProperty("spring.mail.host")
                      || env.containsProperty("spring.mail.jndi-name"),
              "org.springframework.mail.javamail.JavaMailSender"),
          new Choice(
              "sign-in through identity providers",
              "spring.security.oauth2.client.registration.<id>.client-id=<any>",
              env ->
                  !Binder.get(env)
                      .bind(
                          "spring.security.oauth2.client.registration",
                          Bindable.mapOf(String.class, OAuth2ClientProperties.Registration.class))
                      .orElse(Map.of())
                      .isEmpty(),
              "org.springframework.security.oauth2.client.registration.ClientRegistrationRepository"),
          new Choice(
              "the scheduled storage check",
              "fileshare.verify.interval=<any>",
              env -> env.containsProperty("fileshare.verify.interval"),
              "dev.fileshare.files.verify.ScheduledVerification"),
          new Choice(
              "client addresses read by Spring's forwarded-headers filter",
              "server.forward-headers-strategy=framework",
              env ->
                  "framework"
                      .equalsIgnoreCase(env.getProperty("server.forward-headers-strategy", "")),
              "org.springframework.boot.web.server.autoconfigure.servlet"
                  + ".ForwardedHeaderFilterCustomizer"),
          new Choice(
              "requests on virtual threads",
              "JDK 21 or later (spring.threads.virtual.enabled=true)",
              Threading.VIRTUAL::isActive,
              "org.springframework.boot.tomcat.autoconfigure"
                  + ".TomcatVirtualThreadsWebServerFactoryCustomizer"));

  @Override
  public void onApplicationEvent(ApplicationPreparedEvent event) {
    if (!AotDetector.useGeneratedArtifacts()) {
      return;
    }
    var context = event.getApplicationContext();
    var beans = context.getBeanFactory();
    var differences =
        differences(
            context.getEnvironment(),
            type ->
                ClassUtils.isPresent(type, context.getClassLoader())
                    && beans.getBeanNamesForType(
                                ClassUtils.resolveClassName(type, context.getClassLoader()),
                                true,
                                false)
                            .length
                        > 0);
    if (!differences.isEmpty()) {
      throw new PreparedChoicesDiffer(differences);
    }
  }

  /** How this start's configuration differs from the choices the build prepared. */
  static List<String> differences(ConfigurableEnvironment env, Predicate<String> prepared) {
    var differences = new ArrayList<String>();
    for (var choice : CHOICES) {
      var wanted = choice.wanted().test(env);
      var made = prepared.test(choice.bean());
      if (wanted && !made) {
        differences.add(
            choice.what()
                + ": this start asks for it, the build did not prepare it ("
                + choice.prepare()
                + ")");
      } else if (made && !wanted) {
        differences.add(
            choice.what()
                + ": the build prepared it ("
                + choice.prepare()
                + "), this start does not ask for it");
      }
    }
    return differences;
  }

  /** A start refused because the build prepared other choices than its configuration makes. */
  static final class PreparedChoicesDiffer extends IllegalStateException {

    private final List<String> differences;

    PreparedChoicesDiffer(List<String> differences) {
      super(
          "The ahead-of-time configuration of this jar was prepared for other choices: "
              + String.join("; ", differences));
      this.differences = List.copyOf(differences);
    }

    List<String> differences() {
      return differences;
    }
  }
}
