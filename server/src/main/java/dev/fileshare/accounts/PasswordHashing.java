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

  /**
   * What a sign-in checks the password against when no account has the name, so that it takes as
   * long as a wrong password does: the hash, made with this class's parameters, of a random
   * password nobody kept (a match would not sign anyone in: the account is still missing). It is a
   * constant because making one at start-up cost every start half a second of Argon2id on a JVM
   * that had only just started; {@code PasswordHashingTests} holds it to the parameters below.
   */
  static final String UNKNOWN_USER_HASH =
      "{argon2}$argon2id$v=19$m=19456,t=2,p=1$m0cAFkZ7yRqaF8w50aoutw$"
          + "2uI4569F3aS2FSAzvNcBGiIaEu399vmS0l807eUH/Y4";

  @Bean
  PasswordEncoder passwordEncoder() {
    var argon2 = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    return new DelegatingPasswordEncoder(ID, Map.of(ID, argon2));
  }
}
