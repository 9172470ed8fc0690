package dev.nebula.catalog.search.hf;

import jakarta.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class NextLinkTest {

    @Test
    void keepsOnlyTheQueryOfAnApiModelsLinkWhateverTheHost() {
        MultivaluedMap<String, String> p = NextLink.parse("<https://huggingface.co/api/models?search=qwen"
                + "&expand%5B%5D=likes&expand%5B%5D=tags&cursor=eyJ9%3D>; rel=\"next\"");
        assertEquals("qwen", p.getFirst("search"));
        assertEquals(java.util.List.of("likes", "tags"), p.get("expand[]"));
        assertEquals("eyJ9=", p.getFirst("cursor"));
    }

    @Test
    void refusesLinksToOtherPathsSchemesOrWithoutCursor() {
        assertNull(NextLink.parse("<https://evil.example/api/spaces?cursor=x>; rel=\"next\""));
        assertNull(NextLink.parse("<file:///api/models?cursor=x>; rel=\"next\""));
        assertNull(NextLink.parse("<https://huggingface.co/api/models?search=x>; rel=\"next\""));
        assertNull(NextLink.parse("<https://huggingface.co/api/models?cursor=x>; rel=\"prev\""));
        assertNull(NextLink.parse(null));
    }
}
