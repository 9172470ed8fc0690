package dev.nebula.catalog.search;

import org.jboss.resteasy.reactive.RestResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * A hub's answer with its body read up to a byte cap. Hub answers are untrusted: a body over the cap is refused after
 * reading cap + 1 bytes, so a 600 MB answer costs 8 MB of memory at most, never the heap.
 */
public record HubAnswer(int status, UnaryOperator<String> headers, String body) {

    /** Search pages: 100 results with expanded fields are about 300 KB. */
    public static final long SEARCH_CAP = 2L * 1024 * 1024;
    /** Model info with every file (blobs=true) and file lists: a few hundred KB for the largest repos seen. */
    public static final long METADATA_CAP = 8L * 1024 * 1024;
    /** Model cards: the summary reads only the first 64 KB. */
    public static final long README_CAP = 256L * 1024;

    public String header(String name) {
        return headers.apply(name);
    }

    /** Reads the body (blocking: call it on a worker thread) or fails with {@code hub_bad_response} over the cap. */
    public static HubAnswer read(Provider provider, RestResponse<InputStream> response, long cap) {
        UnaryOperator<String> headers = response::getHeaderString;
        String length = response.getHeaderString("Content-Length");
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > cap) {
            close(response.getEntity());
            throw tooLarge(provider, cap);
        }
        try (InputStream in = response.getEntity()) {
            if (in == null) {
                return new HubAnswer(response.getStatus(), headers, "");
            }
            byte[] bytes = in.readNBytes((int) cap + 1);
            if (bytes.length > cap) {
                throw tooLarge(provider, cap);
            }
            return new HubAnswer(response.getStatus(), headers, new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HubException tooLarge(Provider provider, long cap) {
        return HubException.badResponse(provider, "an answer larger than " + cap / 1024 + " KB, which no real "
                + "answer of this kind comes near.");
    }

    private static void close(InputStream in) {
        try {
            if (in != null) {
                in.close();
            }
        } catch (IOException ignored) {
            // the connection is being given up anyway
        }
    }
}
