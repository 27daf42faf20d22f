package dev.fileshare.requests.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.fileshare.requests.FileRequest;
import dev.fileshare.requests.PublicRequest;
import dev.fileshare.requests.Receipt;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A file request on the wire, as its owner reads it. The password is never in it, only whether it
 * has one.
 */
record RequestAnswer(
    long id,
    String url,
    String title,
    String instructions,
    @Nullable Instant expires,
    @JsonProperty("has_password") boolean hasPassword,
    @JsonProperty("max_files") @Nullable Long maxFiles,
    @JsonProperty("max_file_size") @Nullable Long maxFileSize,
    @JsonProperty("require_name") boolean requireName,
    @JsonProperty("require_email") boolean requireEmail,
    @JsonProperty("notify") boolean notifyOwner,
    boolean closed,
    @JsonProperty("file_count") long fileCount,
    Instant created,
    Instant updated,
    List<String> recipients) {

  static RequestAnswer of(FileRequest request, String url) {
    return new RequestAnswer(
        request.id(),
        url,
        request.title(),
        request.instructions(),
        request.expires(),
        request.hasPassword(),
        request.maxFiles(),
        request.maxFileSize(),
        request.requireName(),
        request.requireEmail(),
        request.notifyOwner(),
        request.closed(),
        request.received(),
        request.created(),
        request.updated(),
        request.recipients());
  }

  /** A file the request received, as the owner sees it: who sent it, from where, when. */
  record Upload(
      long id,
      long file,
      String name,
      long size,
      @JsonProperty("uploader_name") String uploaderName,
      @JsonProperty("uploader_email") String uploaderEmail,
      @JsonProperty("client_address") String clientAddress,
      Instant received) {

    static Upload of(Receipt receipt) {
      return new Upload(
          receipt.id(),
          receipt.file(),
          receipt.name(),
          receipt.size(),
          receipt.uploaderName(),
          receipt.uploaderEmail(),
          receipt.clientAddress(),
          receipt.received());
    }
  }

  /** A file the uploader sent in this visit: nothing of the owner's, no addresses. */
  record Sent(long id, String name, long size, Instant received) {}

  /** The request as its link shows it. */
  record Public(
      String title,
      String instructions,
      String owner,
      @JsonProperty("has_password") boolean hasPassword,
      boolean visiting,
      boolean unlocked,
      @JsonProperty("require_name") boolean requireName,
      @JsonProperty("require_email") boolean requireEmail,
      @JsonProperty("max_file_size") long maxFileSize,
      @JsonProperty("files_left") @Nullable Long filesLeft,
      @Nullable Instant expires,
      boolean restricted,
      @Nullable String recipient) {

    static Public of(PublicRequest request) {
      return new Public(
          request.title(),
          request.instructions(),
          request.owner(),
          request.hasPassword(),
          request.visiting(),
          request.unlocked(),
          request.requireName(),
          request.requireEmail(),
          request.maxFileSize(),
          request.filesLeft(),
          request.expires(),
          request.restricted(),
          request.recipient());
    }
  }

  /** A visit that started: the secret to send as {@code Request-Visit}. */
  record Visit(String visit, Instant expires) {}
}
