package dev.fileshare.storage.s3;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** The S3 operations a client called, in order ({@code PutObject}, {@code UploadPart}…). */
final class RecordedRequests implements ExecutionInterceptor {

  private final List<String> operations = new CopyOnWriteArrayList<>();

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    operations.add(context.request().getClass().getSimpleName().replaceFirst("Request$", ""));
  }

  List<String> operations() {
    return List.copyOf(operations);
  }

  long count(String operation) {
    return operations.stream().filter(operation::equals).count();
  }

  void clear() {
    operations.clear();
  }
}
