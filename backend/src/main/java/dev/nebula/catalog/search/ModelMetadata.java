package dev.nebula.catalog.search;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * What import needs to know before it commits to a download: the model exists, at which revision, how many
 * bytes exactly, and whether it is gated or private. {@code summary} is plain text from the model card.
 */
public record ModelMetadata(
        String id,
        String provider,
        String revision,
        List<FileEntry> files,
        boolean files_truncated,
        int file_count,
        long total_size_bytes,
        String license,
        boolean gated,
        String gated_mode,
        @JsonProperty("private") boolean private_,
        List<String> tags,
        Long parameters,
        String task,
        String library,
        String updated_at,
        String summary,
        String hub_url) {

    /** Files listed in an answer; the total always covers every file. */
    public static final int MAX_FILES = 2000;
}
