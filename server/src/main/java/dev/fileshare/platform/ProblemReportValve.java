package dev.fileshare.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's last word on an error no servlet answered: a request it could not parse (a control
 * character in the query or a header, an invalid percent-encoding in the path, a malformed request
 * line) never reaches the application, and Tomcat would answer it with an HTML page naming itself.
 * This valve answers with the same RFC 9457 problem as every other error instead, and adds nothing
 * when a body was already written.
 */
public final class ProblemReportValve extends ErrorReportValve {

  public ProblemReportValve() {
    setShowReport(false);
    setShowServerInfo(false);
  }

  @Override
  protected void report(Request request, Response response, @Nullable Throwable throwable) {
    var code = response.getStatus();
    if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    var status = HttpStatus.resolve(code);
    var title = status == null ? "Error" : status.getReasonPhrase();
    var detail =
        code == 400
            ? "The request is malformed."
            : code >= 500 ? "The server could not complete the request." : title + ".";
    var body =
        "{\"type\":\"about:blank\",\"title\":\""
            + title
            + "\",\"status\":"
            + code
            + ",\"detail\":\""
            + detail
            + "\"}";
    try {
      response.setContentType("application/problem+json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      var writer = response.getReporter();
      if (writer != null) {
        writer.write(body);
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // the client is gone or the response was committed meanwhile: nothing more to say
    }
  }
}
