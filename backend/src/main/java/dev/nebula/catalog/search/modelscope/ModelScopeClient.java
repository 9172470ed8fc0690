package dev.nebula.catalog.search.modelscope;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nebula.catalog.config.CatalogConfig;
import dev.nebula.catalog.search.HubAnswer;
import dev.nebula.catalog.search.HubCalls;
import dev.nebula.catalog.search.HubException;
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
import java.util.Map;

/**
 * The one bean that talks to ModelScope (own HTTP client, circuit and retry, separate from Hugging Face's).
 * ModelScope often reports failures as HTTP 200 with {@code Success:false}; every envelope is checked here.
 */
@ApplicationScoped
public class ModelScopeClient {

    private static final Provider MS = Provider.MODELSCOPE;
    /** Business code of "record not found" on detail and file-tree calls. */
    private static final long NOT_FOUND_CODE = 10010205001L;

    private final ModelScopeApi api;
    private final HubLink link;

    ModelScopeClient(@RestClient ModelScopeApi api, CatalogConfig config, HubHealth health, SearchMetrics metrics) {
        this.api = api;
        this.link = new HubLink(MS, config, health, metrics);
    }

    public String endpoint() {
        return link.endpoint();
    }

    /** {@code data} of the OpenAPI envelope ({@code models}, {@code total_count}, …). */
    Uni<JsonNode> openapiSearch(MultivaluedMap<String, String> query) {
        return link.guarded(() -> link.attempt(api.openapiModels(query), HubAnswer.SEARCH_CAP, searchBudget(), response -> {
            JsonNode root = searchBody(response);
            JsonNode data = root.get("data");
            if (!Normalize.bool(root, "success") || data == null || !data.isObject()) {
                throw HubException.rejected(MS, response.status(), Normalize.text(root, "message"));
            }
            return data;
        }));
    }

    /** {@code Data.Model} of the dolphin envelope ({@code Models}, {@code TotalCount}). */
    Uni<JsonNode> dolphinSearch(Map<String, Object> body) {
        return link.guarded(() -> link.attempt(api.dolphinModels(body), HubAnswer.SEARCH_CAP, searchBudget(), response -> {
            JsonNode root = searchBody(response);
            JsonNode data = root.path("Data").path("Model");
            if (!Normalize.bool(root, "Success") || !data.isObject()) {
                throw HubException.rejected(MS, response.status(), Normalize.text(root, "Message"));
            }
            return data;
        }));
    }

    /** {@code Data} of the legacy model detail. */
    Uni<JsonNode> model(String owner, String name) {
        return link.guarded(() -> link.attempt(api.model(owner, name), HubAnswer.METADATA_CAP, metadataBudget(),
                response -> repoData(response, owner + "/" + name)));
    }

    /** {@code Data} of the file list at the default branch ({@code Files}, {@code LatestCommitter}). */
    Uni<JsonNode> files(String owner, String name) {
        return link.guarded(() -> link.attempt(api.files(owner, name, "master", "True"), HubAnswer.METADATA_CAP, metadataBudget(),
                response -> repoData(response, owner + "/" + name)));
    }

    /**
     * The file list's {@code LatestCommitter} (the default branch's head commit: Id, CommittedDate). One attempt,
     * outside the breaker's retry: background checks count every call they make.
     */
    Uni<JsonNode> latestCommit(String owner, String name) {
        return link.attempt(api.files(owner, name, "master", "True"), HubAnswer.METADATA_CAP, metadataBudget(), response -> {
            JsonNode commit = repoData(response, owner + "/" + name).get("LatestCommitter");
            if (commit == null || Normalize.text(commit, "Id") == null) {
                throw HubException.badResponse(MS, "a file list without its latest commit.");
            }
            return commit;
        });
    }

    private JsonNode searchBody(HubAnswer response) {
        if (response.status() == 401 || response.status() == 403) {
            throw link.tokenConfigured() ? HubException.tokenInvalid(MS) : HubCalls.commonFailure(MS, response);
        }
        if (response.status() != 200) {
            throw HubCalls.commonFailure(MS, response);
        }
        JsonNode root = HubCalls.json(MS, response.body());
        if (!root.isObject()) {
            throw HubException.badResponse(MS, "a search answer that is not an object.");
        }
        return root;
    }

    /** Repo-scoped calls: a missing or inaccessible model is a 404 for our caller, whatever way ModelScope says it. */
    private JsonNode repoData(HubAnswer response, String id) {
        int status = response.status();
        if (status == 404 || ((status == 401 || status == 403) && !link.tokenConfigured())) {
            throw HubException.notFound(MS, id);
        }
        if (status == 401 || status == 403) {
            throw HubException.tokenInvalid(MS);
        }
        if (status != 200) {
            throw HubCalls.commonFailure(MS, response);
        }
        JsonNode root = HubCalls.json(MS, response.body());
        JsonNode data = root.get("Data");
        if (!Normalize.bool(root, "Success") || data == null || !data.isObject()) {
            String message = Normalize.text(root, "Message");
            Long code = Normalize.count(root, "Code");
            if ((code != null && code == NOT_FOUND_CODE) || (message != null && message.contains("not found"))) {
                throw HubException.notFound(MS, id);
            }
            throw HubException.rejected(MS, status, message);
        }
        return data;
    }

    private Duration searchBudget() {
        return link.settings().searchTimeout();
    }

    private Duration metadataBudget() {
        return link.settings().metadataTimeout();
    }
}
