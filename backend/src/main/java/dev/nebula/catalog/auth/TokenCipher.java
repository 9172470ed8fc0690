package dev.nebula.catalog.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.nebula.catalog.config.CatalogConfig;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Encrypts Nebula session tokens at rest (AES-256-GCM, random 96-bit nonce per value, nonce stored in front).
 * The key is a file: generated into the data directory on first start, or supplied by the operator.
 */
@ApplicationScoped
public class TokenCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public TokenCipher(CatalogConfig config) {
        this(read(config.auth().sessionKeyFile().orElseThrow(() -> new IllegalStateException(
                "catalog.auth.session-key-file (CATALOG_AUTH_SESSION_KEY_FILE) is not set"))));
    }

    /** With the key as the key file holds it (base64). */
    TokenCipher(String base64Key) {
        this.key = new SecretKeySpec(Base64.getDecoder().decode(base64Key.trim()), "AES");
    }

    private static String read(String keyFile) {
        try {
            return Files.readString(Path.of(keyFile));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the session key " + keyFile, e);
        }
    }

    public byte[] encrypt(String plain) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String decrypt(byte[] stored) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            return new String(cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored session cannot be decrypted (was the session key replaced?)", e);
        }
    }
}
