package dev.fileshare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The fileshare server: accounts, tokens, mail, files and their storage in one process. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class FileShareApplication {

  public static void main(String[] args) {
    SpringApplication.run(FileShareApplication.class, args);
  }
}
