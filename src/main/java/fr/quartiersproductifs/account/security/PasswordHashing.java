package fr.quartiersproductifs.account.security;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password hashing: Argon2id (BouncyCastle) for every new hash, prefixed {@code {argon2}}; bcrypt
 * (cost 12) hashes are still verified, so accounts can migrate. See ADR 0021.
 */
@Configuration
public class PasswordHashing {
  public static final int MIN_LENGTH = 12;

  @Bean
  public PasswordEncoder passwordEncoder() {
    return new DelegatingPasswordEncoder(
        "argon2",
        Map.of(
            "argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
            "bcrypt", new BCryptPasswordEncoder(12)));
  }
}
