package dev.nebula.catalog.search;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * One hub model in a search page, normalised across hubs. Counts and sizes are 64-bit; timestamps are
 * ISO-8601 UTC or null; {@code size_source} says how {@code size_bytes} was obtained.
 */
public record SearchItem(
        String id,
        String provider,
        String name,
        String author,
        String display_name,
        String description,
        String task,
        List<String> tags,
        String library,
        Long size_bytes,
        String size_source,
        Long parameters,
        Long downloads,
        Long likes,
        String updated_at,
        String created_at,
        boolean gated,
        String gated_mode,
        @JsonProperty("private") boolean private_,
        String license,
        String hub_url,
        InCluster in_cluster) {

    public SearchItem withInCluster(InCluster holding) {
        return new SearchItem(id, provider, name, author, display_name, description, task, tags, library, size_bytes,
                size_source, parameters, downloads, likes, updated_at, created_at, gated, gated_mode, private_, license,
                hub_url, holding);
    }
}
