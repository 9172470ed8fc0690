package dev.nebula.catalog.search.hf;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nebula.catalog.search.CardSummary;
import dev.nebula.catalog.search.FileEntry;
import dev.nebula.catalog.search.ModelMetadata;
import dev.nebula.catalog.search.Provider;
import dev.nebula.catalog.search.Normalize;
import dev.nebula.catalog.search.SearchItem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Hugging Face JSON → our types, following docs/search.md (normalisation table). */
final class HuggingFaceMapper {

    /** {@code createdAt} of repos older than the Hub's date records; it means "unknown", not that day. */
    static final String PLACEHOLDER_CREATED = "2022-03-02T23:29:04Z";

    private static final Map<String, Integer> DTYPE_BYTES = Map.ofEntries(
            Map.entry("F64", 8), Map.entry("I64", 8), Map.entry("U64", 8),
            Map.entry("F32", 4), Map.entry("I32", 4), Map.entry("U32", 4),
            Map.entry("BF16", 2), Map.entry("F16", 2), Map.entry("I16", 2), Map.entry("U16", 2),
            Map.entry("I8", 1), Map.entry("U8", 1), Map.entry("BOOL", 1));

    private HuggingFaceMapper() {
    }

    static SearchItem item(JsonNode m, String endpoint) {
        String id = Normalize.text(m, "id");
        List<String> tags = Normalize.strings(m, "tags", Integer.MAX_VALUE);
        Long usedStorage = Normalize.count(m, "usedStorage");
        Long estimate = estimateBytes(m.get("safetensors"));
        String gatedMode = gatedMode(m.get("gated"));
        String author = Normalize.text(m, "author");
        return new SearchItem(id, "huggingface", Normalize.name(id), author != null ? author : Normalize.owner(id),
                null, null, Normalize.text(m, "pipeline_tag"), bounded(tags), library(m, tags),
                usedStorage != null ? usedStorage : estimate,
                usedStorage != null ? "used_storage" : estimate != null ? "estimate" : null,
                parameters(m), Normalize.count(m, "downloads"), Normalize.count(m, "likes"),
                Normalize.timestamp(m, "lastModified"), created(m), gatedMode != null, gatedMode,
                Normalize.bool(m, "private"), license(m, tags), Provider.HUGGINGFACE.modelPage(endpoint, id), null);
    }

    static ModelMetadata metadata(JsonNode m, String readme, String endpoint) {
        String id = Normalize.text(m, "id");
        List<String> tags = Normalize.strings(m, "tags", Integer.MAX_VALUE);
        List<FileEntry> files = new ArrayList<>();
        long total = 0;
        int count = 0;
        JsonNode siblings = m.get("siblings");
        if (siblings != null && siblings.isArray()) {
            for (JsonNode f : siblings) {
                String path = Normalize.text(f, "rfilename");
                if (path == null) {
                    continue;
                }
                JsonNode lfs = f.get("lfs");
                Long size = Normalize.count(f, "size");
                if (size == null) {
                    size = Normalize.count(lfs, "size");
                }
                long bytes = size == null ? 0 : size;
                total += bytes;
                count++;
                if (files.size() < ModelMetadata.MAX_FILES) {
                    files.add(new FileEntry(path, bytes, Normalize.text(lfs, "sha256"), lfs != null && lfs.isObject()));
                }
            }
        }
        String gatedMode = gatedMode(m.get("gated"));
        return new ModelMetadata(id, "huggingface", Normalize.text(m, "sha"), files, count > files.size(), count, total,
                license(m, tags), gatedMode != null, gatedMode, Normalize.bool(m, "private"), bounded(tags),
                parameters(m), Normalize.text(m, "pipeline_tag"), library(m, tags),
                Normalize.timestamp(m, "lastModified"), CardSummary.of(readme), Provider.HUGGINGFACE.modelPage(endpoint, id));
    }

    /** {@code false}/absent → not gated (null); {@code "auto"}/{@code "manual"}/any other value → gated with that mode. */
    static String gatedMode(JsonNode gated) {
        if (gated == null || gated.isNull() || (gated.isBoolean() && !gated.asBoolean())) {
            return null;
        }
        String mode = gated.asText().trim();
        return mode.isEmpty() || mode.equals("false") ? null : mode;
    }

    private static String created(JsonNode m) {
        String created = Normalize.timestamp(m, "createdAt");
        return PLACEHOLDER_CREATED.equals(created) ? null : created;
    }

    private static Long parameters(JsonNode m) {
        Long safetensors = Normalize.count(m.get("safetensors"), "total");
        return safetensors != null ? safetensors : Normalize.count(m.get("gguf"), "total");
    }

    /** Σ parameters × bytes per dtype; a slight under-estimate of the weight files (headers, non-weight files). */
    static Long estimateBytes(JsonNode safetensors) {
        JsonNode params = safetensors == null ? null : safetensors.get("parameters");
        if (params == null || !params.isObject() || params.isEmpty()) {
            return null;
        }
        long bytes = 0;
        for (var it = params.fields(); it.hasNext(); ) {
            var e = it.next();
            String dtype = e.getKey().toUpperCase();
            int width = dtype.startsWith("F8") ? 1 : DTYPE_BYTES.getOrDefault(dtype, 2);
            bytes += Math.max(0, e.getValue().asLong()) * width;
        }
        return bytes > 0 ? bytes : null;
    }

    private static String library(JsonNode m, List<String> tags) {
        String library = Normalize.text(m, "library_name");
        return library != null ? library : tags.contains("gguf") ? "gguf" : null;
    }

    /** The {@code license:} tag is always there in listings; {@code cardData.license} only on model info. */
    private static String license(JsonNode m, List<String> tags) {
        for (String tag : tags) {
            if (tag.startsWith("license:") && tag.length() > 8) {
                return tag.substring(8);
            }
        }
        JsonNode card = m.get("cardData");
        JsonNode license = card == null ? null : card.get("license");
        if (license != null && license.isArray() && !license.isEmpty()) {
            license = license.get(0);
        }
        return license != null && license.isTextual() && !license.asText().isBlank() ? license.asText() : null;
    }

    private static List<String> bounded(List<String> tags) {
        return List.copyOf(tags.subList(0, Math.min(tags.size(), Normalize.MAX_TAGS)));
    }
}
