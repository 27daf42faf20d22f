package dev.fileshare.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at {@code /api/schema/}: what the API is and how to authenticate. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  @Bean
  OpenAPI fileshareOpenApi() {
    var token =
        new SecurityScheme()
            .type(SecurityScheme.Type.APIKEY)
            .in(SecurityScheme.In.HEADER)
            .name("Authorization")
            .description(
                "`Token <key>` (or `Bearer <key>`): a sign-in token from POST /api/user/login/,"
                    + " or an API key (`fsk_…`) from POST /api/keys/, limited to its scopes."
                    + " Every path answers with and without its trailing slash.");
    return new OpenAPI()
        .info(
            new Info()
                .title("fileshare")
                .version("1")
                .description(
                    "Register, confirm the email address, sign in, upload PDF documents, share"
                        + " them and download them. Errors are RFC 9457 problems that also carry"
                        + " the original API's `detail` and `error` members."))
        .components(new Components().addSecuritySchemes("token", token))
        .addSecurityItem(new SecurityRequirement().addList("token"));
  }
}
