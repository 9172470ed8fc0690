package dev.nebula.catalog.search.hf;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.MultivaluedMap;

/** One page of {@code /api/models}: the items array and the parameters of the next page (null on the last). */
record HfListing(JsonNode items, MultivaluedMap<String, String> next) {
}
