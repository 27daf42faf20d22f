package dev.fileshare.accounts;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Passwords are hashed with Argon2id (19 MiB, 2 iterations, parallelism 1: OWASP's minimum). Hashes
 * carry their algorithm and parameters ({@code {argon2}$argon2id$v=19$m=19456,t=2,p=1$...}), so the
 * parameters can be raised later: a hash made with weaker ones is replaced at the next sign-in.
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

  static final String ID = "argon2";

  @Bean
  PasswordEncoder passwordEncoder() {
    var argon2 = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    return new DelegatingPasswordEncoder(ID, Map.of(ID, argon2));
  }
}
