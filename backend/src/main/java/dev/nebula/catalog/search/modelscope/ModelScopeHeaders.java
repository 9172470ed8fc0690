package dev.nebula.catalog.search.modelscope;

import dev.nebula.catalog.config.CatalogConfig;
import dev.nebula.catalog.search.HubHeaders;
import dev.nebula.catalog.search.Provider;
import jakarta.inject.Singleton;

/** ModelScope's request headers: our User-Agent, and {@code MODELSCOPE_TOKEN} as bearer and session cookie. */
@Singleton
public class ModelScopeHeaders extends HubHeaders {

    ModelScopeHeaders(CatalogConfig config) {
        super(Provider.MODELSCOPE, config.hubs().modelscope().token(), config.search().userAgent());
    }
}
