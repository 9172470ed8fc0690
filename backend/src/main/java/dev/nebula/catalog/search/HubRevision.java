package dev.nebula.catalog.search;

/** Where a model's default branch stands on its hub: the commit and when it was made (null when the hub says not). */
public record HubRevision(String sha, String date) {
}
