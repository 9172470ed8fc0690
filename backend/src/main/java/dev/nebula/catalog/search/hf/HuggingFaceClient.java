package dev.nebula.catalog.search.hf;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nebula.catalog.config.CatalogConfig;
import dev.nebula.catalog.search.HubAnswer;
import dev.nebula.catalog.search.HubCalls;
import dev.nebula.catalog.search.HubException;
import dev.nebula.catalog.search.HubGuard;
import dev.nebula.catalog.search.HubHealth;
import dev.nebula.catalog.search.HubLink;
import dev.nebula.catalog.search.Normalize;
import dev.nebula.catalog.search.Provider;
import dev.nebula.catalog.search.SearchMetrics;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Duration;

/**
 * The one bean that talks to Hugging Face, through the declarative {@link HuggingFaceApi} (its own HTTP client, so its
 * pool and circuit are HF's alone; base URL from configuration only). One retry for connection errors and 5xx, every
 * attempt bounded in time ({@link HubGuard}). Callers get parsed JSON or a {@link HubException}; no HTTP detail
 * leaves this class.
 */
@ApplicationScoped
public class HuggingFaceClient {

    private static final Provider HF = Provider.HUGGINGFACE;
    private static final String INVALID_TOKEN_HINTS = "(?is).*(invalid credentials|token signature|expired).*";

    private final HuggingFaceApi api;
    private final HubLink link;

    HuggingFaceClient(@RestClient HuggingFaceApi api, CatalogConfig config, HubHealth health, SearchMetrics metrics) {
        this.api = api;
        this.link = new HubLink(HF, config, health, metrics);
    }

    /** The configured endpoint without trailing slash; hub links shown to users are built from it. */
    public String endpoint() {
        return link.endpoint();
    }

    Uni<HfListing> models(MultivaluedMap<String, String> query) {
        Duration budget = link.settings().searchTimeout();
        return link.guarded(() -> link.attempt(api.models(query), HubAnswer.SEARCH_CAP, budget, response -> {
            if (response.status() == 401) {
                throw link.tokenConfigured() ? HubException.tokenInvalid(HF) : HubCalls.commonFailure(HF, response);
            }
            if (response.status() != 200) {
                throw HubCalls.commonFailure(HF, response);
            }
            JsonNode items = HubCalls.json(HF, response.body());
            if (!items.isArray()) {
                // seen in the wild: a rate-limit object with HTTP 200
                String message = HubCalls.hubMessage(response);
                if (message != null && message.toLowerCase().contains("rate limit")) {
                    throw HubException.rateLimited(HF, HubCalls.retryAfterSeconds(response));
                }
                throw HubException.badResponse(HF, "a search answer that is not a list.");
            }
            return new HfListing(items, NextLink.parse(response.header("Link")));
        }));
    }

    /** Model info with per-file sizes ({@code blobs=true}). */
    Uni<JsonNode> model(String owner, String name) {
        Duration budget = link.settings().metadataTimeout();
        return link.guarded(() -> link.attempt(api.model(owner, name, true), HubAnswer.METADATA_CAP, budget,
                response -> modelInfo(response, owner + "/" + name, "id")));
    }

    /**
     * The default branch's sha and last change ({@code expand=sha&expand=lastModified}: a few bytes instead of the
     * file list). One attempt, outside the breaker's retry: background checks count every call they make.
     */
    Uni<JsonNode> revision(String owner, String name) {
        return link.attempt(api.modelFields(owner, name, java.util.List.of("sha", "lastModified")), HubAnswer.SEARCH_CAP,
                link.settings().metadataTimeout(), response -> modelInfo(response, owner + "/" + name, "sha"));
    }

    /** The model card text, or null: the card is a nicety, so any failure here is swallowed. */
    Uni<String> readme(String owner, String name, String revision) {
        return link.attemptAside(api.readme(owner, name, revision), HubAnswer.README_CAP, link.settings().metadataTimeout(),
                        response -> response.status() == 200 ? response.body() : null)
                .onFailure().recoverWithNull();
    }

    /** A model info answer that must carry {@code field}; missing and private repos are 404 to our caller. */
    private static JsonNode modelInfo(HubAnswer response, String id, String field) {
        int status = response.status();
        if (status == 401 || status == 404) {
            // anonymous callers get 401 for missing and private repos alike; only a bad token is our problem
            String message = HubCalls.hubMessage(response);
            if (status == 401 && message != null && message.matches(INVALID_TOKEN_HINTS)) {
                throw HubException.tokenInvalid(HF);
            }
            throw HubException.notFound(HF, id);
        }
        if (status != 200) {
            throw HubCalls.commonFailure(HF, response);
        }
        JsonNode info = HubCalls.json(HF, response.body());
        if (!info.isObject() || Normalize.text(info, field) == null) {
            throw HubException.badResponse(HF, "model info without " + (field.equals("id") ? "an id." : "a " + field + "."));
        }
        return info;
    }
}
