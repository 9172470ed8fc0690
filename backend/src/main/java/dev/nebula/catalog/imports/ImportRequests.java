package dev.nebula.catalog.imports;

import dev.nebula.catalog.api.model.BatchImportItem;
import dev.nebula.catalog.api.model.ImportRequest;
import dev.nebula.catalog.api.model.ProviderParam;
import dev.nebula.catalog.config.CatalogConfig;
import dev.nebula.catalog.search.Provider;
import dev.nebula.catalog.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * An import body, as the contract allows it, made an import of this installation: the contract leaves the engines
 * and the replica limit to configuration (catalog.imports.*, which /capabilities reports), so they are checked here;
 * the engine defaults to the first configured one.
 */
@ApplicationScoped
public class ImportRequests {

    @Inject
    CatalogConfig config;

    public ImportApi.ImportRequest of(ImportRequest r) {
        return of(r.getProvider(), r.getModelId(), r.getModelUid(), r.getEngineType(), r.getReplicas(),
                r.getAutoStart(), r.getRevision(), r.getRequiredVramMb(), r.getTensorParallelSize());
    }

    public ImportApi.ImportRequest of(BatchImportItem r) {
        return of(r.getProvider(), r.getModelId(), r.getModelUid(), r.getEngineType(), r.getReplicas(),
                r.getAutoStart(), r.getRevision(), r.getRequiredVramMb(), r.getTensorParallelSize());
    }

    private ImportApi.ImportRequest of(ProviderParam provider, String modelId, String modelUid, String engineType,
                                       int replicas, boolean autoStart, String revision, Long requiredVramMb,
                                       Integer tensorParallelSize) {
        CatalogConfig.Imports allowed = config.imports();
        String engine = engineType == null ? allowed.engineTypes().get(0) : engineType;
        if (!allowed.engineTypes().contains(engine)) {
            throw ApiException.badRequest("engine_type", "engine_type must be one of " + allowed.engineTypes());
        }
        if (replicas > allowed.maxReplicas()) {
            throw ApiException.badRequest("replicas", "replicas must be between 1 and " + allowed.maxReplicas());
        }
        return new ImportApi.ImportRequest(Provider.of(provider), modelId, modelUid, engine, replicas, autoStart,
                revision, requiredVramMb, tensorParallelSize);
    }
}
