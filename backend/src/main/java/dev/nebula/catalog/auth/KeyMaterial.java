package dev.nebula.catalog.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The RSA key pair that signs and verifies the service's own tokens. Production supplies keys through
 * {@code SMALLRYE_JWT_SIGN_KEY_LOCATION} / {@code MP_JWT_VERIFY_PUBLICKEY_LOCATION}; otherwise a pair is generated
 * once into the data directory (never into the repository) and reused on later starts.
 */
public final class KeyMaterial {

    static final String PRIVATE_FILE = "jwt-private.pem";
    static final String PUBLIC_FILE = "jwt-public.pem";
    static final String SESSION_KEY_FILE = "session.key";

    private KeyMaterial() {
    }

    /** Generates the pair in {@code dir} if missing and returns the config properties that point at it. */
    public static Map<String, String> ensure(Path dir) {
        Path privateKey = dir.resolve(PRIVATE_FILE);
        Path publicKey = dir.resolve(PUBLIC_FILE);
        Path sessionKey = dir.resolve(SESSION_KEY_FILE);
        try {
            if (!Files.exists(privateKey) || !Files.exists(publicKey)) {
                String[] pair = newPair();
                writeSecret(privateKey, pair[0]);
                Files.writeString(publicKey, pair[1]);
            }
            if (!Files.exists(sessionKey)) {
                writeSecret(sessionKey, newSessionKey());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create JWT keys in " + dir.toAbsolutePath(), e);
        }
        Map<String, String> props = new LinkedHashMap<>();
        props.put("smallrye.jwt.sign.key.location", privateKey.toAbsolutePath().toUri().toString());
        props.put("mp.jwt.verify.publickey.location", publicKey.toAbsolutePath().toUri().toString());
        props.put("catalog.auth.session-key-file", sessionKey.toAbsolutePath().toString());
        return props;
    }

    /** Applies generated keys as system properties unless the operator configured keys of their own. */
    public static void applyIfNotConfigured(Path dir) {
        Map<String, String> generated = null;
        if (!(configured("smallrye.jwt.sign.key.location", "SMALLRYE_JWT_SIGN_KEY_LOCATION")
                && configured("mp.jwt.verify.publickey.location", "MP_JWT_VERIFY_PUBLICKEY_LOCATION"))) {
            generated = ensure(dir);
            System.setProperty("smallrye.jwt.sign.key.location", generated.get("smallrye.jwt.sign.key.location"));
            System.setProperty("mp.jwt.verify.publickey.location", generated.get("mp.jwt.verify.publickey.location"));
        }
        if (!configured("catalog.auth.session-key-file", "CATALOG_AUTH_SESSION_KEY_FILE")) {
            System.setProperty("catalog.auth.session-key-file",
                    (generated != null ? generated : ensure(dir)).get("catalog.auth.session-key-file"));
        }
    }

    static boolean configured(String property, String env) {
        return System.getProperty(property) != null || System.getenv(env) != null;
    }

    /** A fresh RS256 pair as PEM texts: private (PKCS#8) first, public (X.509) second. */
    static String[] newPair() {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available in this JVM", e);
        }
        return new String[] {pem("PRIVATE KEY", pair.getPrivate().getEncoded()), pem("PUBLIC KEY", pair.getPublic().getEncoded())};
    }

    /** A fresh AES-256 key, base64, as the session-key file holds it. */
    static String newSessionKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /**
     * The keys in {@code dir} where a single instance generated them before, else new ones, without writing any: what
     * the first replica puts into the database ({@link SharedKeys}). Adopting existing keys keeps an upgraded
     * instance's tokens and stored Nebula sessions readable.
     */
    static SharedKeys.Keys existingOrNew(Path dir) {
        try {
            Path privateKey = dir.resolve(PRIVATE_FILE);
            Path publicKey = dir.resolve(PUBLIC_FILE);
            Path sessionKey = dir.resolve(SESSION_KEY_FILE);
            String[] pair = Files.isReadable(privateKey) && Files.isReadable(publicKey)
                    ? new String[] {Files.readString(privateKey), Files.readString(publicKey)} : newPair();
            String session = Files.isReadable(sessionKey) ? Files.readString(sessionKey).trim() : newSessionKey();
            return new SharedKeys.Keys(pair[0], pair[1], session);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the keys in " + dir.toAbsolutePath(), e);
        }
    }

    static void writeSecret(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system; the directory's own protection has to do
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
