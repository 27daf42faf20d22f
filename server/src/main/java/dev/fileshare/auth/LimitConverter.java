package dev.fileshare.auth;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** Reads {@code 10/1h} from configuration into a {@link Limit}. */
@Component
@ConfigurationPropertiesBinding
class LimitConverter implements Converter<String, Limit> {

  @Override
  public Limit convert(String source) {
    return Limit.parse(source);
  }
}
