package dev.nebula.catalog.auth;

import dev.nebula.catalog.support.Contract;
import dev.nebula.catalog.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Forged, tampered, stale and foreign tokens are all refused with 401 and a JSON error. */
@QuarkusTest
class JwtAttackTest {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    String publicKeyLocation;

    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @Test
    void refusesAlgNone() {
        String header = enc("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        assertRefused(header + "." + enc(payload("admin")) + ".");
    }

    @Test
    void refusesHs256SignedWithThePublicKey() throws Exception {
        String header = enc("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        String body = header + "." + enc(payload("admin"));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Files.readAllBytes(Path.of(URI.create(publicKeyLocation))), "HmacSHA256"));
        assertRefused(body + "." + B64.encodeToString(mac.doFinal(body.getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void refusesAnExpiredToken() {
        assertRefused(Jwt.subject("ada").groups("admin").claim("jti", UUID.randomUUID().toString())
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)).sign());
    }

    @Test
    void refusesATokenNotYetValid() {
        assertRefused(Jwt.subject("ada").groups("admin").claim("jti", UUID.randomUUID().toString())
                .claim("nbf", Instant.now().plusSeconds(3600).getEpochSecond()).sign());
    }

    @Test
    void refusesAWrongIssuer() {
        assertRefused(Jwt.issuer("https://evil.example").subject("ada").groups("admin")
                .claim("jti", UUID.randomUUID().toString()).sign());
    }

    @Test
    void refusesForgedGroupsOnARealToken() {
        String real = Tokens.viewer();
        String[] parts = real.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"viewer\"", "\"admin\"");
        assertRefused(parts[0] + "." + enc(claims) + "." + parts[2]);
    }

    @Test
    void refusesATokenSignedWithAnotherKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        assertRefused(Jwt.subject("ada").groups("admin").claim("jti", UUID.randomUUID().toString())
                .sign(generator.generateKeyPair().getPrivate()));
    }

    @Test
    void refusesAValidlySignedTokenWithoutASession() {
        assertRefused(Jwt.subject("ada").groups("admin").claim("jti", UUID.randomUUID().toString()).sign());
    }

    @Test
    void refusesGarbage() {
        assertRefused("not-a-jwt");
    }

    private String payload(String role) {
        long now = Instant.now().getEpochSecond();
        return "{\"iss\":\"" + issuer + "\",\"sub\":\"ada\",\"upn\":\"ada\",\"groups\":[\"" + role + "\"],\"jti\":\""
                + UUID.randomUUID() + "\",\"iat\":" + now + ",\"exp\":" + (now + 3600) + "}";
    }

    private static String enc(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRefused(String token) {
        given().filter(Contract.FILTER).auth().oauth2(token)
                .when().get("/api/v2/catalog/auth/me")
                .then().statusCode(401).body("error.code", equalTo("unauthorized"));
    }
}
