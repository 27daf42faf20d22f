package dev.fileshare.documents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.Multipart;
import dev.fileshare.files.TestPdfs;
import dev.fileshare.storage.BlobReferrer;
import dev.fileshare.storage.BlobStoreRegistry;
import dev.fileshare.support.ApiTest;
import dev.fileshare.support.SignUp;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Previews of a file's first page: rendered from the stored content, served with caching headers to
 * whoever may see the file, replaced with the content, and removed with the file.
 */
// no background reading here: the test renders previews itself, step by step
@org.springframework.test.context.TestPropertySource(properties = "fileshare.documents.workers=0")
class PreviewIntegrationTests extends ApiTest {

  @Autowired ApplicationContext context;
  @Autowired PreviewRows rows;
  @Autowired BlobStoreRegistry blobs;
  @Autowired List<BlobReferrer> referrers;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  String owner;
  String token;

  @BeforeEach
  void signUp() {
    owner = SignUp.newName("petra");
    token = SignUp.verifiedUser(api, owner);
  }

  @Test
  void aRenderedPreviewIsInTheFileJsonAndServedInEachWidth() throws IOException {
    var id = upload("report.pdf", TestPdfs.pdf("Quarterly report"), "private");

    PreviewFixture.render(context, id);

    var json = file(id);
    assertThat(json.get("preview").get("url").asString())
        .startsWith("http")
        .endsWith("/api/files/" + id + "/preview/");
    assertThat(json.get("preview").get("widths").values().stream().map(w -> w.asInt()))
        .containsExactly(160, 320, 640);
    var listed =
        api.get("/api/files/").token(token).send().json().values().stream()
            .filter(f -> f.get("id").asLong() == id)
            .findFirst()
            .orElseThrow();
    assertThat(listed.get("preview").get("widths").size()).isEqualTo(3);

    var sha256 = json.get("sha256").asString();
    for (var width : List.of(160, 320, 640)) {
      var answer = api.get(preview(id, "?width=" + width)).token(token).send();
      assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
      assertThat(answer.contentType()).isEqualTo("image/png");
      assertThat(answer.header("ETag")).isEqualTo("\"" + sha256 + "-" + width + "\"");
      assertThat(answer.header("Cache-Control")).isEqualTo("no-cache, private");
      var image = ImageIO.read(new ByteArrayInputStream(answer.bytes()));
      assertThat(image.getWidth()).isEqualTo(width);
      // a letter page, portrait
      assertThat(image.getHeight()).isBetween(width * 12 / 10, width * 14 / 10);
    }
    // no width: 320; another width: the nearest larger one
    assertThat(png(api.get(preview(id, "")).token(token).send().bytes()).getWidth()).isEqualTo(320);
    assertThat(png(api.get(preview(id, "?width=400")).token(token).send().bytes()).getWidth())
        .isEqualTo(640);
    assertThat(png(api.get(preview(id, "?width=4000")).token(token).send().bytes()).getWidth())
        .isEqualTo(640);
    var bad = api.get(preview(id, "?width=wide")).token(token).send();
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.contentType()).isEqualTo("application/problem+json");
  }

  @Test
  void aListShowsWhatTheBackgroundJobReadOnceItIsRead() {
    var id = upload("later.pdf", TestPdfs.pdf("Read later"), "private");
    var before = listed(id);
    assertThat(before.get("document").get("text").asString()).isEqualTo("pending");
    assertThat(before.get("document").get("pages").isNull()).isTrue();
    assertThat(before.has("preview")).isFalse();

    // what the workers do in the background, here at once: the list asked above is not shown again
    var job = context.getBean(DocumentJob.class);
    while (job.runNext(false)) {
      // every due document of this context's database
    }

    var after = listed(id);
    assertThat(after.get("document").get("text").asString()).isEqualTo("indexed");
    assertThat(after.get("document").get("pages").asInt()).isEqualTo(1);
    assertThat(after.get("preview").get("widths").size()).isEqualTo(3);
    // the file itself did not change
    assertThat(after.get("updated")).isEqualTo(before.get("updated"));
    assertThat(after.get("name")).isEqualTo(before.get("name"));
  }

  @Test
  void anAddressThatNamesTheContentIsCachedForGoodAndRevalidates() {
    var id = upload("cache.pdf", TestPdfs.pdf("Cache me"), "private");
    PreviewFixture.render(context, id);
    var sha256 = file(id).get("sha256").asString();

    var versioned =
        api.get(preview(id, "?width=160&v=" + sha256.substring(0, 12))).token(token).send();
    assertThat(versioned.status()).isEqualTo(200);
    assertThat(versioned.header("Cache-Control")).isEqualTo("max-age=31536000, private, immutable");

    var stale = api.get(preview(id, "?width=160&v=0123456789ab")).token(token).send();
    assertThat(stale.header("Cache-Control")).isEqualTo("no-cache, private");

    var again =
        api.get(preview(id, "?width=160"))
            .token(token)
            .header("If-None-Match", versioned.header("ETag"))
            .send();
    assertThat(again.status()).isEqualTo(304);
    assertThat(again.bytes()).isEmpty();
    assertThat(again.header("ETag")).isEqualTo(versioned.header("ETag"));
    var otherWidth =
        api.get(preview(id, "?width=320"))
            .token(token)
            .header("If-None-Match", versioned.header("ETag"))
            .send();
    assertThat(otherWidth.status()).isEqualTo(200);
  }

  @Test
  void onlyThoseWhoMaySeeTheFileSeeItsPreview() {
    var hidden = upload("hidden.pdf", TestPdfs.pdf("Hidden"), "private");
    var shared = upload("shared.pdf", TestPdfs.pdf("Shared"), "users");
    PreviewFixture.render(context, hidden);
    PreviewFixture.render(context, shared);
    var other = SignUp.verifiedUser(api, SignUp.newName("quinn"));

    assertThat(api.get(preview(hidden, "")).token(other).send().status()).isEqualTo(404);
    assertThat(api.get(preview(shared, "")).token(other).send().status()).isEqualTo(200);
    assertThat(api.get(preview(shared, "")).send().status()).isEqualTo(401);
    assertThat(api.get("/api/files/x1/preview/").token(token).send().status()).isEqualTo(404);
  }

  @Test
  void replacedContentGetsNewPreviewsAndTheOldOnesGo() throws IOException {
    var id = upload("plan.pdf", TestPdfs.pdf("Plan A"), "private");
    PreviewFixture.render(context, id);
    var before = rows.of(id);
    assertThat(before).hasSize(3);
    for (var preview : before) {
      assertThat(referrers)
          .as("kept from the orphan sweeper")
          .anyMatch(r -> r.references(preview.store(), preview.blobKey()));
    }

    var form = new Multipart().pdf("plan.pdf", TestPdfs.pdf("Plan B", 2));
    var replaced =
        api.call("PUT", "/api/files/" + id + "/")
            .token(token)
            .body(form.contentType(), form.bytes())
            .send();
    assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
    // a preview of the old content is never shown for the new one: none yet, or the new one's
    var newSha256 = replaced.json().get("sha256").asString();
    var meanwhile = api.get(preview(id, "")).token(token).send();
    assertThat(meanwhile.status()).isIn(200, 404);
    if (meanwhile.status() == 200) {
      assertThat(meanwhile.header("ETag")).isEqualTo("\"" + newSha256 + "-320\"");
    }

    PreviewFixture.render(context, id);

    assertThat(file(id).has("preview")).isTrue();
    assertThat(api.get(preview(id, "")).token(token).send().status()).isEqualTo(200);
    var after = rows.of(id);
    assertThat(after).hasSize(3).doesNotContainAnyElementsOf(before);
    // the job (or the fixture) removes the old blobs right after it put the new rows
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              for (var old : before) {
                assertThat(blobs.get(old.store()).exists(old.blobKey())).isFalse();
              }
            });

    assertThat(after).allMatch(p -> p.sha256().equals(newSha256));

    context.getBean(PreviewStep.class).forget(id);

    assertThat(rows.of(id)).isEmpty();
    assertThat(file(id).has("preview")).isFalse();
    assertThat(api.get(preview(id, "")).token(token).send().status()).isEqualTo(404);
    for (var gone : after) {
      assertThat(blobs.get(gone.store()).exists(gone.blobKey())).isFalse();
    }
  }

  /**
   * A replacement while a preview is drawn lets a second job draw the same file at once; whichever
   * puts its rows last, no blob is left that no row names.
   */
  @Test
  void previewsDrawnAtOnceLeaveNoBlobBehind() throws Exception {
    var id = upload("race.pdf", TestPdfs.pdf("Drawn twice"), "private");
    var located =
        jdbc.sql("SELECT store, blob_key FROM files WHERE id = ?")
            .param(id)
            .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
            .single();
    var store = blobs.get(located[0]);
    var blobsBefore = blobsIn(store);
    var step = context.getBean(PreviewStep.class);
    var drawers = 4;
    var rounds = 3;
    var start = new java.util.concurrent.CyclicBarrier(drawers);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(drawers);
    try {
      var done = new java.util.ArrayList<java.util.concurrent.Future<?>>();
      for (var d = 0; d < drawers; d++) {
        var drawer = d;
        done.add(
            pool.submit(
                () -> {
                  for (var round = 0; round < rounds; round++) {
                    start.await();
                    // a different content each time, as if replaced meanwhile
                    var sha = "%064x".formatted(round * drawers + drawer + 1);
                    step.run(id, sha, () -> store.open(located[1]));
                  }
                  return null;
                }));
      }
      for (var future : done) {
        future.get(120, java.util.concurrent.TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    var kept = rows.of(id);
    assertThat(kept).hasSize(3);
    var after = blobsIn(store);
    after.removeAll(blobsBefore);
    assertThat(after)
        .as("the blobs added: those of the three rows kept, none other")
        .containsExactlyInAnyOrderElementsOf(kept.stream().map(p -> p.blobKey()).toList());
  }

  private static java.util.Set<String> blobsIn(dev.fileshare.storage.BlobStore store)
      throws IOException {
    var keys = new java.util.HashSet<String>();
    store.sweep(java.time.Instant.now().plus(1, java.time.temporal.ChronoUnit.DAYS), keys::add);
    return keys;
  }

  private long upload(String name, byte[] pdf, String visibility) {
    var form = new Multipart().pdf(name, pdf).field("visibility", visibility);
    var answer = api.post("/api/files/").token(token).body(form.contentType(), form.bytes()).send();
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    return answer.json().get("id").asLong();
  }

  /** The file as the caller's list shows it. */
  private JsonNode listed(long id) {
    return api.get("/api/files/").token(token).send().json().values().stream()
        .filter(f -> f.get("id").asLong() == id)
        .findFirst()
        .orElseThrow();
  }

  private JsonNode file(long id) {
    return api.get("/api/files/" + id + "/").token(token).send().json();
  }

  private static String preview(long id, String query) {
    return "/api/files/" + id + "/preview/" + query;
  }

  private static BufferedImage png(byte[] bytes) {
    try {
      return ImageIO.read(new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
