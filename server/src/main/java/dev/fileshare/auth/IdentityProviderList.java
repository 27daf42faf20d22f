package dev.fileshare.auth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Component;

/**
 * The identity providers configured with {@code spring.security.oauth2.client.registration.*} that
 * sign people in with OpenID Connect (their scopes include {@code openid}); none when nothing is
 * configured.
 */
@Component
public class IdentityProviderList {

  /** A provider as the web page offers it: its id, the name on its button, where sign-in starts. */
  public record Provider(String id, String name, String url) {}

  private final List<Provider> providers;

  IdentityProviderList(ObjectProvider<ClientRegistrationRepository> registrations) {
    var found = new ArrayList<Provider>();
    if (registrations.getIfAvailable() instanceof Iterable<?> all) {
      for (var item : all) {
        if (item instanceof ClientRegistration registration
            && registration.getScopes().contains("openid")) {
          var id = registration.getRegistrationId();
          var name = registration.getClientName();
          found.add(
              new Provider(
                  id,
                  name == null || name.isBlank() ? id : name,
                  SsoLogin.AUTHORIZATION + "/" + id));
        }
      }
    }
    found.sort(Comparator.comparing(Provider::id));
    this.providers = List.copyOf(found);
  }

  public List<Provider> all() {
    return providers;
  }
}
