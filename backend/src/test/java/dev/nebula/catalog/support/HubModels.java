package dev.nebula.catalog.support;

import com.github.tomakehurst.wiremock.client.WireMock;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * Hugging Face answers for models a test makes up (ids no other test uses), in the hub's real format: model info
 * with per-file sizes for the pre-flight, and the small {@code expand=sha,lastModified} answer for revision checks.
 */
public final class HubModels {

    private HubModels() {
    }

    /** {@code GET /api/models/{id}?blobs=true}: a config, a tokenizer and one safetensors shard per weight size. */
    public static void huggingFace(String id, String sha, long... weightFiles) {
        StringBuilder siblings = new StringBuilder("{\"rfilename\":\"config.json\",\"size\":712},"
                + "{\"rfilename\":\"tokenizer.json\",\"size\":7031645}");
        for (int i = 0; i < weightFiles.length; i++) {
            String name = String.format("model-%05d-of-%05d.safetensors", i + 1, weightFiles.length);
            siblings.append(",{\"rfilename\":\"").append(name).append("\",\"size\":").append(weightFiles[i])
                    .append(",\"lfs\":{\"sha256\":\"").append(String.format("%064d", i)).append("\",\"size\":")
                    .append(weightFiles[i]).append(",\"pointerSize\":135}}");
        }
        String body = "{\"_id\":\"6651d3\",\"id\":\"" + id + "\",\"modelId\":\"" + id + "\",\"author\":\""
                + id.substring(0, id.indexOf('/')) + "\",\"sha\":\"" + sha + "\",\"lastModified\":\"2025-01-12T02:10:10.000Z\","
                + "\"private\":false,\"gated\":false,\"disabled\":false,\"downloads\":10,\"likes\":1,"
                + "\"tags\":[\"transformers\",\"safetensors\",\"license:apache-2.0\"],\"pipeline_tag\":\"text-generation\","
                + "\"library_name\":\"transformers\",\"siblings\":[" + siblings + "],\"createdAt\":\"2024-09-16T11:55:40.000Z\"}";
        HubStubs.server().stubFor(get(urlPathEqualTo("/api/models/" + id)).withQueryParam("blobs", WireMock.equalTo("true"))
                .willReturn(HubStubs.json(200, body)));
    }

    /** {@code GET /api/models/{id}?expand=sha&expand=lastModified}: where the default branch stands now. */
    public static void huggingFaceHead(String id, String sha, String lastModified) {
        HubStubs.server().stubFor(get(urlPathEqualTo("/api/models/" + id)).withQueryParam("blobs", WireMock.absent())
                .willReturn(HubStubs.json(200, "{\"_id\":\"6651d3\",\"id\":\"" + id + "\",\"sha\":\"" + sha
                        + "\",\"lastModified\":\"" + lastModified + "\"}")));
    }

    /** Hub calls made for {@code id} that were not pre-flight metadata (revision checks). */
    public static int headCalls(String id) {
        return HubStubs.server().findAll(WireMock.getRequestedFor(urlPathEqualTo("/api/models/" + id))
                .withQueryParam("blobs", WireMock.absent())).size();
    }
}
