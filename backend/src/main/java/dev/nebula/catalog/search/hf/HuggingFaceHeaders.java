package dev.nebula.catalog.search.hf;

import dev.nebula.catalog.config.CatalogConfig;
import dev.nebula.catalog.search.HubHeaders;
import dev.nebula.catalog.search.Provider;
import jakarta.inject.Singleton;

/** Hugging Face's request headers: our User-Agent, and {@code HF_TOKEN} as a bearer token when one is set. */
@Singleton
public class HuggingFaceHeaders extends HubHeaders {

    HuggingFaceHeaders(CatalogConfig config) {
        super(Provider.HUGGINGFACE, config.hubs().huggingface().token(), config.search().userAgent());
    }
}
