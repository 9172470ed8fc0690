package dev.nebula.catalog.auth;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Instant;

@Path("/api/v2/catalog/auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    @Inject
    AuthService auth;

    @Inject
    Caller caller;

    @Inject
    JsonWebToken jwt;

    @POST
    @Path("/login")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public AuthApi.LoginResponse login(AuthApi.LoginRequest request) {
        return auth.login(request, caller.clientAddress(), caller.requestId());
    }

    @GET
    @Path("/me")
    @Authenticated
    public AuthApi.Me me() {
        String expires = jwt.getExpirationTime() > 0 ? Instant.ofEpochSecond(jwt.getExpirationTime()).toString() : null;
        String name = jwt.getClaim("name");
        return new AuthApi.Me(new AuthApi.User(caller.username(), caller.role(), name), expires, jwt.getIssuer());
    }

    @POST
    @Path("/logout")
    @Authenticated
    public Response logout() {
        auth.logout(caller);
        return Response.noContent().build();
    }
}
