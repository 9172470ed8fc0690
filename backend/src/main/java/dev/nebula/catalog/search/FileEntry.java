package dev.nebula.catalog.search;

/** One file of a model repository at the reported revision. {@code sha256} is known for LFS files (HF) or all (ModelScope). */
public record FileEntry(String path, long size_bytes, String sha256, boolean lfs) {
}
