package dev.nebula.catalog.support;

import io.smallrye.jwt.build.Jwt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A stand-in OIDC provider: its own RSA key (public half in a PEM file the service is configured with). */
public final class ExternalIssuer {

    public static final String ISSUER = "https://idp.example.test/realms/gpu";
    private static KeyPair keys;

    private ExternalIssuer() {
    }

    /** Config properties that make the service trust this issuer, map its groups and use a Nebula service account. */
    static synchronized Map<String, String> configuration() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
            Path pem = Files.createTempFile("external-issuer", ".pem");
            Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
            return Map.of(
                    "catalog.auth.external.issuer", ISSUER,
                    "catalog.auth.external.publickey-location", pem.toUri().toString(),
                    "catalog.auth.external.role-map.\"gpu-operators\"", "operator",
                    "catalog.auth.external.role-map.\"gpu-admins\"", "admin",
                    "catalog.auth.external.service-user", "catalog-svc",
                    "catalog.auth.external.service-password", "s3cret-Passw0rd");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The audience the service expects external tokens to name (its default). */
    public static final String AUDIENCE = "nebula-model-catalog";

    public static String token(String user, List<String> groups) {
        return token(user, groups, AUDIENCE);
    }

    /** The issuer's signing key, for tests that mint tokens with unusual claims. */
    public static java.security.PrivateKey privateKey() {
        return keys.getPrivate();
    }

    /** A token minted for {@code audience}: another application's, when it is not ours. */
    public static String token(String user, List<String> groups, String audience) {
        return Jwt.issuer(ISSUER).subject(user).upn(user).claim("groups", groups).audience(audience)
                .claim("jti", UUID.randomUUID().toString()).sign(keys.getPrivate());
    }
}
