package dev.fileshare.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.support.Api;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The calls the version tests make. */
final class VersionCalls {

  private VersionCalls() {}

  static String path(long file) {
    return "/api/files/" + file + "/versions/";
  }

  static String path(long file, long number) {
    return path(file) + number + "/";
  }

  static Api.Answer list(Api api, String token, long file) {
    return api.get(path(file)).token(token).send();
  }

  /** The file's versions, newest first; fails the test unless they were listed. */
  static JsonNode versions(Api api, String token, long file) {
    var answer = list(api, token, file);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.json();
  }

  /** The numbers of the file's versions, newest first. */
  static List<Long> numbers(Api api, String token, long file) {
    return versions(api, token, file).values().stream().map(v -> v.get("number").asLong()).toList();
  }

  static Api.Call download(Api api, String token, long file, long number) {
    return api.get(path(file, number) + "download/").token(token);
  }

  static Api.Answer restore(Api api, String token, long file, long number) {
    return api.post(path(file, number) + "restore/").token(token).send();
  }

  static Api.Answer delete(Api api, String token, long file, long number) {
    return api.call("DELETE", path(file, number)).token(token).send();
  }

  /** Replaces the file's content; fails the test unless it was replaced. */
  static JsonNode replaced(Api api, String token, long file, byte[] content) {
    var answer = FileCalls.replace(api, token, file, "replaced.pdf", content);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.json();
  }

  /** Uploads a private file; answers its id. */
  static long uploaded(Api api, String token, byte[] content) {
    var answer = FileCalls.upload(api, token, "versioned.pdf", content, "private");
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    return answer.json().get("id").asLong();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
