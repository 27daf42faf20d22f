package dev.fileshare.accounts.web;

import dev.fileshare.accounts.ProfileMember;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.util.PrimitiveType;
import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The profile in the OpenAPI document as clients get it: the members other modules add (such as
 * {@code usage}) in place of the map they travel in, each referring to the schema of its values.
 */
@Configuration(proxyBeanMethods = false)
class ProfileDocumentation {

  static final String SCHEMA = "Profile";
  static final String MEMBERS = "more";

  @Bean
  OpenApiCustomizer profileMembers(List<ProfileMember> members) {
    return api -> {
      var components = api.getComponents();
      var schemas = components == null ? null : components.getSchemas();
      var profile = schemas == null ? null : schemas.get(SCHEMA);
      if (components == null || profile == null || profile.getProperties() == null) {
        return;
      }
      profile.getProperties().remove(MEMBERS);
      for (var member : members) {
        var primitive = PrimitiveType.fromType(member.type());
        if (primitive != null) {
          // a plain value (a boolean, a number): described in place
          profile.addProperty(member.name(), primitive.createProperty());
          continue;
        }
        var resolved = ModelConverters.getInstance().readAllAsResolvedSchema(member.type());
        profile.addProperty(member.name(), new Schema<>().$ref(resolved.schema.getName()));
        resolved.referencedSchemas.forEach(components::addSchemas);
      }
    };
  }
}
