package dev.fileshare.mail;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

  /**
   * SMTP when Spring Boot has set up a {@link JavaMailSender} (it does when {@code
   * spring.mail.host} is set), the log otherwise.
   */
  @Bean
  MailTransport mailTransport(
      ObjectProvider<JavaMailSender> sender, MailSettings settings, Clock clock) {
    var smtp = sender.getIfAvailable();
    return smtp != null
        ? new SmtpMailTransport(smtp, settings.from(), clock)
        : new LogMailTransport();
  }
}
