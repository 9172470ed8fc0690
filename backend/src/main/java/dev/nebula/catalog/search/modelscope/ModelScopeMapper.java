package dev.nebula.catalog.search.modelscope;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nebula.catalog.search.CardSummary;
import dev.nebula.catalog.search.FileEntry;
import dev.nebula.catalog.search.ModelMetadata;
import dev.nebula.catalog.search.Provider;
import dev.nebula.catalog.search.Normalize;
import dev.nebula.catalog.search.SearchItem;

import java.util.ArrayList;
import java.util.List;

/** ModelScope JSON (OpenAPI snake_case, dolphin/legacy PascalCase) → our types; see docs/search.md. */
final class ModelScopeMapper {

    private static final int MAX_DESCRIPTION = 300;
    private static final int PRIVATE_VISIBILITY = 1;

    private ModelScopeMapper() {
    }

    static SearchItem openapiItem(JsonNode m, String endpoint) {
        String id = Normalize.text(m, "id");
        Long size = Normalize.count(m, "file_size");
        return new SearchItem(id, "modelscope", Normalize.name(id), Normalize.owner(id),
                Normalize.text(m, "display_name"), Normalize.shorten(Normalize.text(m, "description"), MAX_DESCRIPTION),
                Normalize.first(Normalize.strings(m, "tasks", 1)), Normalize.strings(m, "tags", Normalize.MAX_TAGS),
                Normalize.text(m, "library"), size, size == null ? null : "hub", Normalize.count(m, "params"),
                Normalize.count(m, "downloads"), Normalize.count(m, "likes"), Normalize.timestamp(m, "last_modified"),
                Normalize.timestamp(m, "created_at"), Normalize.bool(m, "gated"), null, Normalize.bool(m, "private"),
                Normalize.text(m, "license"), Provider.MODELSCOPE.modelPage(endpoint, id), null);
    }

    /** Dolphin search items and legacy details share the PascalCase shape; the id is {@code Path/Name}. */
    static SearchItem dolphinItem(JsonNode m, String endpoint) {
        String id = dolphinId(m);
        Long size = Normalize.count(m, "StorageSize");
        Long likes = Normalize.count(m, "Stars");
        return new SearchItem(id, "modelscope", Normalize.name(id), Normalize.owner(id),
                Normalize.text(m, "ChineseName"), Normalize.shorten(Normalize.text(m, "Description"), MAX_DESCRIPTION),
                Normalize.first(Normalize.strings(m, "Tasks", 1)), Normalize.strings(m, "Tags", Normalize.MAX_TAGS),
                Normalize.first(Normalize.strings(m, "Libraries", 1)), size, size == null ? null : "hub",
                Normalize.count(m, "TotalParameters"), Normalize.count(m, "Downloads"),
                likes != null ? likes : Normalize.count(m, "Likes"), updated(m), Normalize.timestamp(m, "CreatedTime"),
                false, null, isPrivate(m), Normalize.text(m, "License"), Provider.MODELSCOPE.modelPage(endpoint, id), null);
    }

    static String dolphinId(JsonNode m) {
        String owner = Normalize.text(m, "Path");
        String name = Normalize.text(m, "Name");
        return owner == null || name == null ? null : owner + "/" + name;
    }

    /** Legacy detail + file list → metadata; tree (directory) entries carry no bytes and are skipped. */
    static ModelMetadata metadata(JsonNode detail, JsonNode files, String endpoint) {
        SearchItem base = dolphinItem(detail, endpoint);
        List<FileEntry> entries = new ArrayList<>();
        long total = 0;
        int count = 0;
        JsonNode list = files.get("Files");
        if (list != null && list.isArray()) {
            for (JsonNode f : list) {
                String path = Normalize.text(f, "Path");
                if (path == null || "tree".equals(Normalize.text(f, "Type"))) {
                    continue;
                }
                Long size = Normalize.count(f, "Size");
                long bytes = size == null ? 0 : size;
                total += bytes;
                count++;
                if (entries.size() < ModelMetadata.MAX_FILES) {
                    entries.add(new FileEntry(path, bytes, Normalize.text(f, "Sha256"), Normalize.bool(f, "IsLFS")));
                }
            }
        }
        String commit = Normalize.text(files.get("LatestCommitter"), "Id");
        return new ModelMetadata(base.id(), "modelscope", commit != null ? commit : Normalize.text(detail, "Revision"),
                entries, count > entries.size(), count, total, base.license(), false, null, base.private_(),
                base.tags(), base.parameters(), base.task(), base.library(), base.updated_at(),
                CardSummary.of(Normalize.text(detail, "ReadMeContent")), base.hub_url());
    }

    /** {@code LastUpdatedTime} (Unix s), else {@code GmtModified} (number or naive China time), else creation. */
    private static String updated(JsonNode m) {
        String updated = Normalize.timestamp(m, "LastUpdatedTime");
        if (updated == null) {
            updated = Normalize.timestamp(m, "GmtModified");
        }
        return updated != null ? updated : Normalize.timestamp(m, "CreatedTime");
    }

    private static boolean isPrivate(JsonNode m) {
        Long visibility = Normalize.count(m, "Visibility");
        return visibility != null && visibility == PRIVATE_VISIBILITY;
    }
}
