package dev.fileshare.storage.s3;

import static dev.fileshare.storage.TestContent.generated;
import static dev.fileshare.storage.TestContent.summarize;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.shared.Sha256;
import dev.fileshare.storage.BlobStore;
import dev.fileshare.storage.BlobStore.BlobPart;
import dev.fileshare.storage.BlobStoreContractTests;
import dev.fileshare.storage.BlobTooLargeException;
import dev.fileshare.storage.StorageSettings;
import dev.fileshare.storage.TestContent;
import dev.fileshare.support.S3TestServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

class S3BlobStoreTests extends BlobStoreContractTests {

  static final long MB = 1024 * 1024;
  static final DataSize PART_SIZE = DataSize.ofMegabytes(5);

  final RecordedRequests requests = new RecordedRequests();
  S3Client client;
  String bucket;

  static StorageSettings.S3 settings(String bucket) {
    return new StorageSettings.S3(
        S3TestServer.endpoint(),
        "us-east-1",
        bucket,
        S3TestServer.ACCESS_KEY,
        S3TestServer.SECRET_KEY,
        true,
        PART_SIZE,
        Duration.ofSeconds(30),
        Duration.ofMinutes(2));
  }

  @Override
  protected BlobStore createStore() {
    bucket = S3TestServer.newBucket();
    client =
        S3StorageConfiguration.builder(settings(bucket))
            .overrideConfiguration(config -> config.addExecutionInterceptor(requests))
            .build();
    return new S3BlobStore(client, bucket, (int) PART_SIZE.toBytes());
  }

  @Override
  protected long partialUploads() {
    return client.listMultipartUploads(list -> list.bucket(bucket)).uploads().size();
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  @Test
  void sendsContentSmallerThanAPartInOneRequest() throws IOException {
    requests.clear();

    blobs.store(generated(PART_SIZE.toBytes() - 1, 4), 64 * MB);

    assertThat(requests.operations()).containsExactly("PutObject");
  }

  @Test
  void sendsLongerContentInPartsOfThePartSize() throws IOException {
    var size = 12 * MB + 7;
    var reference = summarize(generated(size, 11));
    requests.clear();

    var stored = blobs.store(generated(size, 11), 64 * MB);

    assertThat(requests.operations())
        .containsExactly(
            "CreateMultipartUpload",
            "UploadPart",
            "UploadPart",
            "UploadPart",
            "CompleteMultipartUpload");
    assertThat(stored.size()).isEqualTo(size);
    assertThat(stored.sha256()).isEqualTo(reference.sha256());
    assertThat(summarize(blobs.load(stored.key()))).isEqualTo(reference);
    assertThat(blobs.size(stored.key())).isEqualTo(size);
    assertThat(partialUploads()).isZero();
  }

  @Test
  void storesContentOfExactlyOnePartAndOfExactlyTwo() throws IOException {
    for (var size : new long[] {PART_SIZE.toBytes(), 2 * PART_SIZE.toBytes()}) {
      var reference = summarize(generated(size, 5));

      var stored = blobs.store(generated(size, 5), size);

      assertThat(stored.sha256()).isEqualTo(reference.sha256());
      assertThat(summarize(blobs.load(stored.key()))).isEqualTo(reference);
    }
    assertThat(requests.count("UploadPart")).isEqualTo(3);
  }

  @Test
  void composesBlobsInsideTheBucketWithoutSendingTheirBytes() throws IOException {
    var first = bytes(6 * MB, 1);
    var second = bytes(5 * MB + 100, 2);
    var third = bytes(1000, 3);
    var keys = new ArrayList<String>();
    for (var content : List.of(first, second, third)) {
      keys.add(blobs.store(new ByteArrayInputStream(content), 64 * MB).key());
    }
    // the second part takes only its first 5 MiB
    var parts =
        List.of(
            new BlobPart(keys.get(0), first.length),
            new BlobPart(keys.get(1), 5 * MB),
            new BlobPart(keys.get(2), third.length));
    var expected = new ByteArrayOutputStream();
    expected.write(first);
    expected.write(second, 0, (int) (5 * MB));
    expected.write(third);
    var sha256 = Sha256.hex(Sha256.digest().digest(expected.toByteArray()));
    requests.clear();

    assertThat(blobs.canCompose(parts)).isTrue();
    var composed = blobs.compose(parts, sha256);

    assertThat(requests.operations())
        .containsExactly(
            "CreateMultipartUpload",
            "UploadPartCopy",
            "UploadPartCopy",
            "UploadPartCopy",
            "CompleteMultipartUpload");
    assertThat(composed.size()).isEqualTo(expected.size());
    assertThat(composed.sha256()).isEqualTo(sha256);
    try (var in = blobs.load(composed.key())) {
      assertThat(in.readAllBytes()).isEqualTo(expected.toByteArray());
    }
    assertThat(blobs.size(keys.get(1))).isEqualTo(second.length);
    assertThat(partialUploads()).isZero();
  }

  @Test
  void composesOnlyPartsThatS3TakesAndLeavesNothingWhenAPartIsMissing() throws IOException {
    var key = blobs.store(new ByteArrayInputStream(bytes(6 * MB, 4)), 64 * MB).key();
    var small = List.of(new BlobPart(key, 5 * MB - 1), new BlobPart(key, 6 * MB));
    var missing = List.of(new BlobPart(key, 6 * MB), new BlobPart("0".repeat(32), 10));

    assertThat(blobs.canCompose(small)).isFalse();
    assertThat(blobs.canCompose(List.of())).isFalse();
    assertThatThrownBy(() -> blobs.compose(small, "x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(blobs.canCompose(missing)).isTrue();
    assertThatThrownBy(() -> blobs.compose(missing, "x")).isInstanceOf(IOException.class);
    assertThat(partialUploads()).isZero();
    assertThat(listed()).containsExactly(key);
  }

  private static byte[] bytes(long size, long seed) {
    var content = new byte[(int) size];
    new SplittableRandom(seed).nextBytes(content);
    return content;
  }

  @Test
  void abortsTheMultipartUploadWhenTheContentFails() throws IOException {
    requests.clear();

    assertThatThrownBy(() -> blobs.store(TestContent.failingAfter(12 * MB), 64 * MB))
        .isInstanceOf(IOException.class)
        .hasMessage("Connection reset");

    assertThat(requests.operations()).contains("CreateMultipartUpload", "AbortMultipartUpload");
    assertThat(partialUploads()).isZero();
    assertThat(listed()).isEmpty();
  }

  @Test
  void abortsTheMultipartUploadWhenTheContentIsTooLong() throws IOException {
    assertThatThrownBy(() -> blobs.store(generated(12 * MB, 1), 11 * MB))
        .isInstanceOf(BlobTooLargeException.class);

    assertThat(requests.operations()).contains("AbortMultipartUpload");
    assertThat(partialUploads()).isZero();
    assertThat(listed()).isEmpty();
  }

  @Test
  void readsRandomPlacesThroughRangedRequestsWithoutFetchingTheWhole() throws IOException {
    var size = (int) (3 * MB + 500);
    var content = new byte[size];
    generated(size, 8).read(content);
    var key = blobs.store(generated(size, 8), size).key();
    requests.clear();

    try (var channel = blobs.open(key)) {
      assertThat(channel.size()).isEqualTo(size);
      for (var position : new long[] {size - 100, 0, MB - 10, 2 * MB + 3, 5, size - 1}) {
        var buffer = ByteBuffer.allocate((int) Math.min(64, size - position));
        channel.position(position);
        while (buffer.hasRemaining() && channel.read(buffer) >= 0) {}
        assertThat(buffer.array())
            .as("at %d", position)
            .isEqualTo(
                Arrays.copyOfRange(content, (int) position, (int) position + buffer.capacity()));
      }
      channel.position(size);
      assertThat(channel.read(ByteBuffer.allocate(1))).isEqualTo(-1);
    }

    // one HEAD for the size, then a GET of at most one window per place away from the last window
    assertThat(requests.count("HeadObject")).isEqualTo(1);
    assertThat(requests.count("GetObject")).isBetween(3L, 6L);
  }

  @Test
  void stopsDownloadingWhenTheReaderClosesEarly() throws IOException {
    var key = blobs.store(generated(12 * MB, 6), 12 * MB).key();

    try (var in = blobs.load(key)) {
      assertThat(in.readNBytes(1000)).hasSize(1000);
    }
    try (var in = blobs.load(key, MB, 12 * MB - MB)) {
      assertThat(in.readNBytes(1000)).hasSize(1000);
    }

    assertThat(summarize(blobs.load(key))).isEqualTo(summarize(generated(12 * MB, 6)));
  }

  @Test
  void sweepAbortsOnlyUploadsStartedBeforeTheCutoff() throws IOException {
    var key = ObjectKeys.newKey();
    client.createMultipartUpload(create -> create.bucket(bucket).key(key));
    var notOurs = "uploads/somebody-elses";
    client.createMultipartUpload(create -> create.bucket(bucket).key(notOurs));
    assertThat(partialUploads()).isEqualTo(2);

    blobs.sweep(Instant.now().minus(Duration.ofHours(1)), blob -> {});
    assertThat(partialUploads()).isEqualTo(2);

    blobs.sweep(Instant.now().plus(Duration.ofMinutes(1)), blob -> {});
    assertThat(client.listMultipartUploads(list -> list.bucket(bucket)).uploads())
        .extracting(upload -> upload.key())
        .containsExactly(notOurs);
  }

  @Test
  void sweepLeavesObjectsThatAreNotBlobsAlone() throws IOException {
    var key = blobs.store(generated(10, 1), 10).key();
    client.putObject(put -> put.bucket(bucket).key("README"), RequestBody.fromString("not a blob"));

    assertThat(listed()).containsExactly(key);
  }

  @Test
  void sweepPagesThroughLongListings() throws IOException {
    var keys = new ArrayList<String>();
    for (var i = 0; i < 1005; i++) {
      keys.add(blobs.store(generated(1, i), 1).key());
    }

    assertThat(listed()).containsExactlyInAnyOrderElementsOf(keys);
    assertThat(requests.count("ListObjectsV2")).isGreaterThan(1);
  }

  private ArrayList<String> listed() throws IOException {
    var found = new ArrayList<String>();
    blobs.sweep(Instant.now().plus(Duration.ofDays(1)), found::add);
    return found;
  }
}
