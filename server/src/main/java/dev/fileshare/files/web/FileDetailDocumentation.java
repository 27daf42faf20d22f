package dev.fileshare.files.web;

import dev.fileshare.files.FileDetail;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The file in the OpenAPI document as clients get it: the members other modules add ({@link
 * FileDetail}, such as {@code document}), each referring to the schema of its values. They are left
 * out of a file's JSON when the module has nothing for the file, so none is required.
 */
@Configuration(proxyBeanMethods = false)
class FileDetailDocumentation {

  static final String SCHEMA = "FileAnswer";

  @Bean
  OpenApiCustomizer fileDetails(List<FileDetail> details) {
    return api -> {
      var components = api.getComponents();
      var schemas = components == null ? null : components.getSchemas();
      var file = schemas == null ? null : schemas.get(SCHEMA);
      if (components == null || file == null) {
        return;
      }
      for (var detail : details) {
        var resolved = ModelConverters.getInstance().readAllAsResolvedSchema(detail.type());
        file.addProperty(detail.name(), new Schema<>().$ref(resolved.schema.getName()));
        resolved.referencedSchemas.forEach(components::addSchemas);
      }
    };
  }
}
