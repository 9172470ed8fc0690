package dev.nebula.catalog.auth;

import dev.nebula.catalog.api.AuthEndpoints;
import dev.nebula.catalog.api.model.LoginRequest;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Instant;

public class AuthResource implements AuthEndpoints {

    @Inject
    AuthService auth;

    @Inject
    Caller caller;

    @Inject
    JsonWebToken jwt;

    @Override
    @PermitAll
    public AuthApi.LoginResponse login(LoginRequest request, String requestId) {
        return auth.login(request.getUsername().trim(), request.getPassword(), caller.clientAddress(),
                caller.requestId());
    }

    @Override
    @Authenticated
    public AuthApi.Me me(String requestId) {
        String expires = jwt.getExpirationTime() > 0 ? Instant.ofEpochSecond(jwt.getExpirationTime()).toString() : null;
        String name = jwt.getClaim("name");
        return new AuthApi.Me(new AuthApi.User(caller.username(), caller.role(), name), expires, jwt.getIssuer());
    }

    @Override
    @Authenticated
    public void logout(String requestId) {
        auth.logout(caller);
    }
}
