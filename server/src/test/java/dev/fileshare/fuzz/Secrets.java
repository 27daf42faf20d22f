package dev.fileshare.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.Multipart;
import dev.fileshare.files.TestPdfs;
import dev.fileshare.support.Api;
import dev.fileshare.support.SignUp;
import java.util.List;
import java.util.Map;

/**
 * What one user owns and nobody else may see: a private file (with a second version, shared by name
 * with a third user), a link to it, a file request, a file in the trash and an unfinished resumable
 * upload, and an API key. The matrix points every path at these, and looks for their names, hashes
 * and tokens in every answer that another caller gets.
 *
 * @param token the owner's sign-in token
 * @param userId the owner's account, which the admin endpoints are pointed at
 * @param fileId the private file
 * @param shareId its share with a third user
 * @param linkId a link to it
 * @param requestId a file request
 * @param trashedId another file, in the trash
 * @param uploadId an unfinished resumable upload
 * @param keyId an API key with every scope
 * @param key that key
 * @param marks strings that no answer to anyone else may hold (ids are not among them: a problem
 *     names the path it answers, with the id the caller sent)
 */
record Secrets(
    String token,
    long userId,
    long fileId,
    long shareId,
    long linkId,
    long requestId,
    long trashedId,
    String uploadId,
    long keyId,
    String key,
    List<String> marks) {

  static Secrets of(Api api) {
    var owner = SignUp.newName("matrixowner");
    var token = SignUp.verifiedUser(api, owner);
    var stamp = Long.toString(System.nanoTime(), 36);
    var name = "matrix-secret-" + stamp + ".pdf";
    var file = upload(api, token, name, "first " + stamp);
    var form = new Multipart().pdf(name, TestPdfs.pdf("second " + stamp));
    var replaced =
        api.call("PUT", "/api/files/" + file.get("id").asLong() + "/")
            .token(token)
            .body(form.contentType(), form.bytes())
            .send();
    assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
    var fileId = file.get("id").asLong();
    var friend = SignUp.newName("matrixfriend");
    SignUp.verifiedUser(api, friend);
    var share =
        api.post("/api/files/" + fileId + "/shares/")
            .token(token)
            .json(Map.of("user", friend, "permission", "edit"))
            .send();
    assertThat(share.status()).as(share.toString()).isEqualTo(201);
    var label = "matrix-label-" + stamp;
    var link =
        api.post("/api/files/" + fileId + "/links/")
            .token(token)
            .json(Map.of("label", label))
            .send();
    assertThat(link.status()).as(link.toString()).isEqualTo(201);
    var title = "matrix-request-" + stamp;
    var request = api.post("/api/requests/").token(token).json(Map.of("title", title)).send();
    assertThat(request.status()).as(request.toString()).isEqualTo(201);
    var trashedName = "matrix-trashed-" + stamp + ".pdf";
    var trashed = upload(api, token, trashedName, "trashed " + stamp).get("id").asLong();
    var deleted = api.call("DELETE", "/api/files/" + trashed + "/").token(token).send();
    assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
    var created =
        api.post("/api/uploads/")
            .token(token)
            .header("Tus-Resumable", "1.0.0")
            .header("Upload-Length", "100000")
            .header(
                "Upload-Metadata",
                "filename "
                    + java.util.Base64.getEncoder()
                        .encodeToString(("matrix-upload-" + stamp + ".pdf").getBytes()))
            .send();
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    var location = created.header("Location");
    var uploadId = location.substring(location.lastIndexOf('/') + 1);
    var userId = api.get("/api/user/me/").token(token).send().json().get("id").asLong();
    var apiKey =
        api.post("/api/keys/")
            .token(token)
            .json(
                Map.of(
                    "name",
                    "matrix-key-" + stamp,
                    "scopes",
                    List.of("files:read", "files:write", "shares", "account")))
            .send();
    assertThat(apiKey.status()).as(apiKey.toString()).isEqualTo(201);
    var key = apiKey.json().get("key").asString();
    return new Secrets(
        token,
        userId,
        fileId,
        share.json().get("id").asLong(),
        link.json().get("id").asLong(),
        request.json().get("id").asLong(),
        trashed,
        uploadId,
        apiKey.json().get("id").asLong(),
        key,
        List.of(
            stamp,
            key,
            file.get("sha256").asString(),
            token,
            tokenOf(link.json().get("url").asString()),
            tokenOf(request.json().get("url").asString())));
  }

  private static tools.jackson.databind.JsonNode upload(
      Api api, String token, String name, String text) {
    var answer =
        api.post("/api/files/?name=" + name + "&visibility=private")
            .token(token)
            .body("application/pdf", TestPdfs.pdf(text))
            .send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    return answer.json();
  }

  private static String tokenOf(String url) {
    var trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }

  /** The path with every parameter naming one of these things, or a made-up token. */
  String fill(String template) {
    var objects =
        Map.of(
            "/api/files/", fileId,
            "/api/download/", fileId,
            "/api/links/", linkId,
            "/api/requests/", requestId,
            "/api/trash/", trashedId,
            "/api/keys/", keyId,
            "/api/admin/users/", userId);
    var path = template;
    path = path.replace("{number}", "1").replace("{page}", "1");
    path = path.replace("{share}", Long.toString(shareId));
    if (path.startsWith("/api/uploads/")) {
      path = path.replace("{id}", uploadId);
    }
    for (var entry : objects.entrySet()) {
      if (path.startsWith(entry.getKey())) {
        path = path.replace("{id}", Long.toString(entry.getValue()));
      }
    }
    return path.replace("{token}", "matrixmadeuptoken0000000000000000").replace("{id}", "1");
  }

  /** Whether the operation points at one of these things (and not at the caller's own). */
  static boolean addressesThem(String template) {
    return template.matches("/api/(files|download|links|requests|trash|uploads|keys)/\\{.*");
  }
}
