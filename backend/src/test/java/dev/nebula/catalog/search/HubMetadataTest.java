package dev.nebula.catalog.search;

import dev.nebula.catalog.support.Contract;
import dev.nebula.catalog.support.HubStubs;
import dev.nebula.catalog.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.nebula.catalog.support.HubStubs.fixture;
import static dev.nebula.catalog.support.HubStubs.json;
import static dev.nebula.catalog.support.HubStubs.recorded;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class HubMetadataTest {

    private static final String SHA = "a09a35458c702b33eeacc393d103063234e8bc28";

    @Inject
    SearchService searchService;

    static ValidatableResponse metadata(String path) {
        return given().filter(Contract.FILTER).header("Authorization", "Bearer " + Tokens.viewer())
                .when().get("/api/v2/catalog/search/" + path).then();
    }

    /** Both tests that read this model use the same stubs: the answer is cached for the whole run. */
    private static void stubQwenOnHuggingFace() {
        HubStubs.server().stubFor(get(urlPathEqualTo("/api/models/Qwen/Qwen2.5-7B-Instruct"))
                .withQueryParam("blobs", WireMock.equalTo("true"))
                .willReturn(json(200, fixture("hf-model-info-Qwen2.5-7B-Instruct.json"))));
        HubStubs.server().stubFor(get(urlPathEqualTo("/Qwen/Qwen2.5-7B-Instruct/raw/" + SHA + "/README.md"))
                .willReturn(aResponse().withStatus(200).withBody(fixture("hf-readme-qwen.md"))));
    }

    @Test
    void huggingFaceMetadataHasRevisionExactSizeFilesAndAPlainTextSummary() {
        stubQwenOnHuggingFace();

        metadata("huggingface/Qwen/Qwen2.5-7B-Instruct").statusCode(200)
                .body("id", equalTo("Qwen/Qwen2.5-7B-Instruct"))
                .body("revision", equalTo(SHA))
                .body("file_count", equalTo(14))
                .body("files", hasSize(14))
                .body("total_size_bytes", equalTo(15242807270L))
                .body("files.find { it.path == 'model-00001-of-00004.safetensors' }.size_bytes", equalTo(3945441440L))
                .body("files.find { it.path == 'model-00001-of-00004.safetensors' }.sha256",
                        equalTo("a1333e6293854747c481288ea83b348226af178dd565c49b6f9495ba1966aba7"))
                .body("files.find { it.path == 'model-00001-of-00004.safetensors' }.lfs", equalTo(true))
                .body("files.find { it.path == 'config.json' }.sha256", nullValue())
                .body("license", equalTo("apache-2.0"))
                .body("gated", equalTo(false))
                .body("private", equalTo(false))
                .body("parameters", equalTo(7615616512L))
                .body("task", equalTo("text-generation"))
                .body("summary", startsWith("Qwen2.5-7B-Instruct"))
                .body("summary", containsString("Qwen2.5 is the latest series of Qwen large language models. See the blog"))
                .body("summary", not(containsString("<")))
                .body("summary", not(containsString("alert")))
                .body("summary", not(containsString("license: apache")))
                .body("summary", not(containsString("print(")));
    }

    @Test
    void anonymous401OnARepoMeansNotFoundOrPrivate() {
        HubStubs.server().stubFor(get(urlPathEqualTo("/api/models/someone/secret-model"))
                .willReturn(recorded(401, fixture("hf-error-401.json"), "hf-error-401.headers.txt")));
        HubStubs.server().stubFor(get(urlPathEqualTo("/api/models/someone/gone-model"))
                .willReturn(json(404, fixture("hf-error-404.json"))));

        metadata("huggingface/someone/secret-model").statusCode(404).body("error.code", equalTo("not_found"))
                .body("error.message", containsString("private"));
        metadata("huggingface/someone/gone-model").statusCode(404);
    }

    @Test
    void invalidCredentialsOnARepoSayTheConfiguredTokenIsInvalid() {
        HubStubs.server().stubFor(get(urlPathEqualTo("/api/models/someone/badtoken-model"))
                .willReturn(json(401, fixture("hf-error-401-invalid-token.json"))));

        metadata("huggingface/someone/badtoken-model").statusCode(502)
                .body("error.code", equalTo("hub_token_invalid"))
                .body("error.message", containsString("HF_TOKEN"));
    }

    @Test
    void modelScopeMetadataCombinesDetailAndFileListAndSkipsDirectories() {
        HubStubs.server().stubFor(get(urlPathEqualTo("/api/v1/models/Qwen/Qwen2.5-7B-Instruct"))
                .willReturn(json(200, fixture("ms-model-info-qwen.json"))));
        HubStubs.server().stubFor(get(urlPathEqualTo("/api/v1/models/Qwen/Qwen2.5-7B-Instruct/repo/files"))
                .withQueryParam("Revision", WireMock.equalTo("master")).withQueryParam("Recursive", WireMock.equalTo("True"))
                .willReturn(json(200, fixture("ms-files-qwen.json"))));

        metadata("modelscope/Qwen/Qwen2.5-7B-Instruct").statusCode(200)
                .body("id", equalTo("Qwen/Qwen2.5-7B-Instruct"))
                .body("revision", equalTo("78c728147c7eea10cda825ab57200130e6c63e4c"))
                .body("file_count", equalTo(15))
                .body("total_size_bytes", equalTo(15242807814L))
                .body("files.find { it.path == 'model-00004-of-00004.safetensors' }.size_bytes", equalTo(3556377672L))
                .body("license", equalTo("apache-2.0"))
                .body("private", equalTo(false))
                .body("task", equalTo("text-generation"))
                .body("updated_at", equalTo("2025-01-12T02:13:07Z"))
                .body("summary", startsWith("Qwen2.5-7B-Instruct"))
                .body("hub_url", equalTo(HubStubs.server().baseUrl() + "/models/Qwen/Qwen2.5-7B-Instruct"));
    }

    @Test
    void modelScopeNotFoundSentAsHttp200EnvelopeIs404() {
        HubStubs.server().stubFor(get(urlPathEqualTo("/api/v1/models/nobody/missing-ms"))
                .willReturn(json(200, fixture("ms-error.json"))));
        HubStubs.server().stubFor(get(urlPathEqualTo("/api/v1/models/nobody/missing-ms/repo/files"))
                .willReturn(json(200, fixture("ms-error-files.json"))));

        metadata("modelscope/nobody/missing-ms").statusCode(404).body("error.code", equalTo("not_found"));
    }

    @Test
    void javaPreflightReturnsEmptyForMissingModelsAndMetadataForExistingOnes() throws Exception {
        HubStubs.server().stubFor(get(urlPathEqualTo("/api/models/someone/preflight-missing"))
                .willReturn(recorded(401, fixture("hf-error-401.json"), "hf-error-401.headers.txt")));
        stubQwenOnHuggingFace();

        // blocking API: called from a worker thread, as the import feature will
        Optional<ModelMetadata> missing = CompletableFuture.supplyAsync(
                () -> searchService.metadata(Provider.HUGGINGFACE, "someone/preflight-missing")).get();
        Optional<ModelMetadata> present = CompletableFuture.supplyAsync(
                () -> searchService.metadata(Provider.HUGGINGFACE, "Qwen/Qwen2.5-7B-Instruct")).get();

        assertTrue(missing.isEmpty());
        assertEquals(SHA, present.orElseThrow().revision());
        assertEquals(15242807270L, present.orElseThrow().total_size_bytes());
    }
}
