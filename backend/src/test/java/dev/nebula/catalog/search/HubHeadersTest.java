package dev.nebula.catalog.search;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class HubHeadersTest {

    @Test
    void huggingFaceGetsABearerToken() {
        Map<String, String> h = HubHeaders.forHub(Provider.HUGGINGFACE, Optional.of(" hf_abc "), "ua/1");
        assertEquals("Bearer hf_abc", h.get("Authorization"));
        assertFalse(h.containsKey("Cookie"));
        assertEquals("ua/1", h.get("User-Agent"));
    }

    @Test
    void modelScopeGetsBearerAndSessionCookie() {
        Map<String, String> h = HubHeaders.forHub(Provider.MODELSCOPE, Optional.of("ms-123"), "ua/1");
        assertEquals("Bearer ms-123", h.get("Authorization"));
        assertEquals("m_session_id=ms-123", h.get("Cookie"));
    }

    @Test
    void blankOrMissingTokenSendsNoCredentialAtAll() {
        for (Optional<String> token : new Optional[] {Optional.empty(), Optional.of(""), Optional.of("  ")}) {
            Map<String, String> h = HubHeaders.forHub(Provider.MODELSCOPE, token, "ua/1");
            assertFalse(h.containsKey("Authorization"));
            assertFalse(h.containsKey("Cookie"));
        }
    }
}
