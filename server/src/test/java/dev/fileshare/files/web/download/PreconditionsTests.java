package dev.fileshare.files.web.download;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class PreconditionsTests {

  static final String ETAG = "\"abc\"";
  static final long MODIFIED = 1_700_000_000_123L;

  MockHttpServletRequest request(String header, String value) {
    var request = new MockHttpServletRequest("GET", "/api/download/1/");
    request.addHeader(header, value);
    return request;
  }

  @Test
  void ifNoneMatch() {
    assertThat(Preconditions.notModified(request("If-None-Match", "\"abc\""), ETAG, MODIFIED))
        .isTrue();
    assertThat(
            Preconditions.notModified(request("If-None-Match", "\"x\", W/\"abc\""), ETAG, MODIFIED))
        .isTrue();
    assertThat(Preconditions.notModified(request("If-None-Match", "*"), ETAG, MODIFIED)).isTrue();
    assertThat(Preconditions.notModified(request("If-None-Match", "\"x\""), ETAG, MODIFIED))
        .isFalse();
  }

  @Test
  void ifModifiedSince() {
    var second = MODIFIED - 123;
    var at = new MockHttpServletRequest();
    at.addHeader("If-Modified-Since", second);
    assertThat(Preconditions.notModified(at, ETAG, MODIFIED)).isTrue();
    var before = new MockHttpServletRequest();
    before.addHeader("If-Modified-Since", second - 1000);
    assertThat(Preconditions.notModified(before, ETAG, MODIFIED)).isFalse();
    assertThat(Preconditions.notModified(request("If-Modified-Since", "yesterday"), ETAG, MODIFIED))
        .isFalse();
  }

  @Test
  void ifNoneMatchWinsOverIfModifiedSince() {
    var request = request("If-None-Match", "\"other\"");
    request.addHeader("If-Modified-Since", MODIFIED + 100_000);
    assertThat(Preconditions.notModified(request, ETAG, MODIFIED)).isFalse();
  }

  @Test
  void ifRange() {
    assertThat(Preconditions.rangeApplies(new MockHttpServletRequest(), ETAG, MODIFIED)).isTrue();
    assertThat(Preconditions.rangeApplies(request("If-Range", "\"abc\""), ETAG, MODIFIED)).isTrue();
    assertThat(Preconditions.rangeApplies(request("If-Range", "\"old\""), ETAG, MODIFIED))
        .isFalse();
    assertThat(Preconditions.rangeApplies(request("If-Range", "W/\"abc\""), ETAG, MODIFIED))
        .isFalse();
    var date = new MockHttpServletRequest();
    date.addHeader("If-Range", MODIFIED - 123);
    assertThat(Preconditions.rangeApplies(date, ETAG, MODIFIED)).isTrue();
  }
}
