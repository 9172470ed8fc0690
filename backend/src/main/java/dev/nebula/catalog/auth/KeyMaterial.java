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

    private KeyMaterial() {
    }

    /** Generates the pair in {@code dir} if missing and returns the config properties that point at it. */
    public static Map<String, String> ensure(Path dir) {
        Path privateKey = dir.resolve(PRIVATE_FILE);
        Path publicKey = dir.resolve(PUBLIC_FILE);
        try {
            if (!Files.exists(privateKey) || !Files.exists(publicKey)) {
                generate(dir, privateKey, publicKey);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create JWT keys in " + dir.toAbsolutePath(), e);
        }
        Map<String, String> props = new LinkedHashMap<>();
        props.put("smallrye.jwt.sign.key.location", privateKey.toAbsolutePath().toUri().toString());
        props.put("mp.jwt.verify.publickey.location", publicKey.toAbsolutePath().toUri().toString());
        return props;
    }

    /** Applies generated keys as system properties unless the operator configured keys of their own. */
    public static void applyIfNotConfigured(Path dir) {
        if (configured("smallrye.jwt.sign.key.location", "SMALLRYE_JWT_SIGN_KEY_LOCATION")
                && configured("mp.jwt.verify.publickey.location", "MP_JWT_VERIFY_PUBLICKEY_LOCATION")) {
            return;
        }
        ensure(dir).forEach(System::setProperty);
    }

    private static boolean configured(String property, String env) {
        return System.getProperty(property) != null || System.getenv(env) != null;
    }

    private static void generate(Path dir, Path privateKey, Path publicKey) throws IOException {
        Files.createDirectories(dir);
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available in this JVM", e);
        }
        Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        try {
            Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system; the directory's own protection has to do
        }
        Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
