package dev.nebula.catalog.imports;

import dev.nebula.catalog.nebula.ModelUids;
import dev.nebula.catalog.search.Provider;
import dev.nebula.catalog.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import dev.nebula.catalog.config.CatalogConfig;
import jakarta.inject.Inject;

import java.util.regex.Pattern;

/** Checks an import request field by field; each violation is a 400 that names the field. */
@ApplicationScoped
public class ImportValidation {

    /** 16 TiB in MiB: beyond any GPU, but a bound. */
    static final long MAX_VRAM_MB = 16_777_216L;
    static final int MAX_TP = 64;

    static final Pattern MODEL_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,95}/[A-Za-z0-9][A-Za-z0-9._-]{0,95}$");

    @Inject
    CatalogConfig config;

    /** The request with defaults applied (engine vllm, 1 replica, auto start), or a 400. */
    public ImportApi.ImportRequest validate(ImportApi.ImportRequest r) {
        if (r == null) {
            throw ApiException.badRequest("body", "a JSON body is required");
        }
        String provider = Provider.parse(r.provider(), "provider").wire(); // hf and huggingface: one spelling from here on
        if (r.model_id() == null || !MODEL_ID.matcher(r.model_id()).matches() || r.model_id().contains("..")) {
            throw ApiException.badRequest("model_id", "model_id must look like owner/name ([A-Za-z0-9._-], at most 96 each)");
        }
        if (r.model_uid() != null && !ModelUids.valid(r.model_uid())) {
            throw ApiException.badRequest("model_uid", "model_uid must match ^[a-z0-9][a-z0-9-]*$ and be at most 63 characters");
        }
        String engine = r.engine_type() == null ? "vllm" : r.engine_type();
        if (!config.imports().engineTypes().contains(engine)) {
            throw ApiException.badRequest("engine_type", "engine_type must be one of " + config.imports().engineTypes());
        }
        int replicas = r.replicas() == null ? 1 : r.replicas();
        if (replicas < 1 || replicas > config.imports().maxReplicas()) {
            throw ApiException.badRequest("replicas", "replicas must be between 1 and " + config.imports().maxReplicas());
        }
        if (r.revision() != null && !r.revision().matches("^[A-Za-z0-9._/-]{1,64}$")) {
            throw ApiException.badRequest("revision", "revision must be a branch, tag or commit sha (at most 64 characters)");
        }
        if (r.required_vram_mb() != null && (r.required_vram_mb() < 1 || r.required_vram_mb() > MAX_VRAM_MB)) {
            throw ApiException.badRequest("required_vram_mb", "required_vram_mb must be between 1 and " + MAX_VRAM_MB
                    + " (MiB each GPU must have free)");
        }
        if (r.tensor_parallel_size() != null && (r.tensor_parallel_size() < 1 || r.tensor_parallel_size() > MAX_TP)) {
            throw ApiException.badRequest("tensor_parallel_size", "tensor_parallel_size must be between 1 and " + MAX_TP);
        }
        return new ImportApi.ImportRequest(provider, r.model_id(), r.model_uid(), engine, replicas,
                r.auto_start() == null || r.auto_start(), r.revision(), r.required_vram_mb(), r.tensor_parallel_size());
    }

    public void checkIdempotencyKey(String key) {
        if (key != null && !key.matches("^[A-Za-z0-9._:-]{1,128}$")) {
            throw ApiException.badRequest("Idempotency-Key", "Idempotency-Key must be 1-128 characters of [A-Za-z0-9._:-]");
        }
    }
}
