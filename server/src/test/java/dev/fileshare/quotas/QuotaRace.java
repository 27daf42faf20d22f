package dev.fileshare.quotas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fileshare.files.TestPdfs;
import dev.fileshare.support.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Ten uploads of one size at once, against a quota that takes nine of them: which nine is up to the
 * race, that exactly nine are taken is not.
 */
final class QuotaRace {

  static final int RACERS = 10;

  private QuotaRace() {}

  /** Ten different documents of the same size. */
  static List<byte[]> documents(String tag) {
    var documents = new ArrayList<byte[]>();
    for (var i = 0; i < RACERS; i++) {
      documents.add(TestPdfs.pdf(tag + " racer " + i, 3));
    }
    assertThat(documents.stream().mapToInt(d -> d.length).distinct().count())
        .as("the documents' sizes")
        .isOne();
    return documents;
  }

  /** Starts every upload at once, each made by {@code upload.apply(i)}; their statuses in order. */
  static List<Integer> run(Function<Integer, Api.Answer> upload) throws Exception {
    var pool = Executors.newFixedThreadPool(RACERS);
    try {
      var start = new CountDownLatch(1);
      var answers = new ArrayList<Future<Api.Answer>>();
      for (var i = 0; i < RACERS; i++) {
        var index = i;
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return upload.apply(index);
                }));
      }
      start.countDown();
      var statuses = new ArrayList<Integer>();
      for (var answer : answers) {
        statuses.add(answer.get(2, TimeUnit.MINUTES).status());
      }
      return statuses;
    } finally {
      pool.shutdownNow();
    }
  }
}
