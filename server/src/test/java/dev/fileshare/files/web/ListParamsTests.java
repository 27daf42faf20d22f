package dev.fileshare.files.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fileshare.files.FileCursor;
import dev.fileshare.files.FileQuery;
import dev.fileshare.files.FileQuery.Order;
import dev.fileshare.shared.ApiException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListParamsTests {

  @Test
  void plainListByDefault() {
    var params = ListParams.of(null, null, null, null, null, null, null, null);
    assertThat(params.mode()).isEqualTo(ListParams.Mode.PLAIN);
    assertThat(params.query().order()).isEqualTo(Order.NEWEST);
    assertThat(params.query().mine()).isFalse();
  }

  @Test
  void filtersAndOrder() {
    var params = ListParams.of("me", null, null, "  Report ", "-size,name", "10", "20", null);
    assertThat(params.query().mine()).isTrue();
    assertThat(params.query().search()).isEqualTo("Report");
    assertThat(params.query().order()).isEqualTo(Order.LARGEST);
    assertThat(params.limit()).isEqualTo(10);
    assertThat(params.offset()).isEqualTo(20);
    assertThat(params.queryFrom(30))
        .isEqualTo("limit=10&offset=30&owner=me&search=Report&ordering=-size");
  }

  @Test
  void sharedNamesWhichFilesSharedByNameToKeep() {
    var params = ListParams.of(null, "with-me", null, null, null, "10", null, null);
    assertThat(params.query().shared()).isEqualTo(FileQuery.Shared.WITH_ME);
    assertThat(params.queryFrom(10)).isEqualTo("limit=10&offset=10&shared=with-me");
    assertThat(ListParams.of(null, "by-me", null, null, null, null, null, null).query().shared())
        .isEqualTo(FileQuery.Shared.BY_ME);
    assertThat(ListParams.of(null, null, null, null, null, null, null, null).query().shared())
        .isEqualTo(FileQuery.Shared.ANY);
    assertThatThrownBy(() -> ListParams.of(null, "everyone", null, null, null, null, null, null))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("shared=with-me");
  }

  @Test
  void unknownOrderingIsIgnoredAsInDrf() {
    assertThat(ListParams.of(null, null, null, null, "password", null, null, null).query().order())
        .isEqualTo(Order.NEWEST);
  }

  @Test
  void limitIsCapped() {
    assertThat(ListParams.of(null, null, null, null, null, "5000", null, null).limit())
        .isEqualTo(ListParams.MAX);
    assertThat(ListParams.of(null, null, null, null, null, null, "5", null).limit())
        .isEqualTo(ListParams.MAX);
  }

  @Test
  void badNumbersAndOwnersAreRefused() {
    assertThatThrownBy(() -> ListParams.of(null, null, null, null, null, "x", null, null))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.members()).containsKey("limit"));
    assertThatThrownBy(() -> ListParams.of(null, null, null, null, null, "0", null, null))
        .isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> ListParams.of(null, null, null, null, null, "5", "-1", null))
        .isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> ListParams.of("alice", null, null, null, null, null, null, null))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.members()).containsKey("owner"));
  }

  @Test
  void aCursorAsksForThePageAfterItInItsOrder() {
    var first = ListParams.of("me", null, null, null, "name", null, null, "");
    assertThat(first.mode()).isEqualTo(ListParams.Mode.CURSOR);
    assertThat(first.after()).isNull();
    assertThat(first.size()).isEqualTo(ListParams.MAX);

    var cursor = new FileCursor(Order.NAME, "report | 2024.pdf", 41);
    var next = ListParams.of("me", null, null, null, "name", "20", null, cursor.encode());
    assertThat(next.after()).isEqualTo(cursor);
    assertThat(next.size()).isEqualTo(20);
    assertThat(next.queryAfter(cursor))
        .isEqualTo("cursor=" + cursor.encode() + "&limit=20&owner=me&ordering=name");
  }

  @Test
  void aCursorOfAnotherOrderOrNoneAtAllIsRefused() {
    var byName = new FileCursor(Order.NAME, "a.pdf", 3).encode();
    assertThatThrownBy(() -> ListParams.of(null, null, null, null, "-size", null, null, byName))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.members()).containsKey("cursor"));
    for (var garbage :
        List.of("x", "%%%", "bmFtZQ", new FileCursor(Order.NEWEST, "1", 1).encode() + "!")) {
      assertThatThrownBy(() -> ListParams.of(null, null, null, null, null, null, null, garbage))
          .as(garbage)
          .isInstanceOfSatisfying(
              ApiException.class, e -> assertThat(e.members()).containsKey("cursor"));
    }
    assertThatThrownBy(() -> ListParams.of(null, null, null, null, null, null, "10", "x"))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.members()).containsKey("cursor"));
  }

  @Test
  void anOffsetWithACursorIsADrfPageThatStartsAfterTheCursor() {
    var last = new FileCursor(Order.NAME, "report.pdf", 42);
    var params = ListParams.of("me", null, null, null, "name", "50", "400000", last.encode());
    assertThat(params.mode()).isEqualTo(ListParams.Mode.ENVELOPE);
    assertThat(params.offset()).isEqualTo(400_000);
    assertThat(params.after()).isEqualTo(last);
    assertThat(params.queryFrom(400_050, last))
        .isEqualTo("limit=50&offset=400050&cursor=" + last.encode() + "&owner=me&ordering=name");

    var byOffset = ListParams.of(null, null, null, null, null, "10", "20", "");
    assertThat(byOffset.mode()).isEqualTo(ListParams.Mode.ENVELOPE);
    assertThat(byOffset.after()).isNull();
    assertThat(byOffset.offset()).isEqualTo(20);

    var newest = new FileCursor(Order.NEWEST, "1700000000000", 7).encode();
    assertThatThrownBy(() -> ListParams.of(null, null, null, null, "name", "10", "20", newest))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.members()).containsKey("cursor"));
  }
}
