package dev.nebula.catalog.search;

import dev.nebula.catalog.api.model.ProviderParam;
import dev.nebula.catalog.config.CatalogConfig;

import java.util.function.Function;

/**
 * The model hubs the catalog can search, with every fact that differs between them, so no caller asks "which hub is
 * this?". Answers use the canonical {@link #wire} name; requests may also spell Hugging Face {@code hf}
 * ({@link ProviderParam}, the contract's).
 */
public enum Provider {
    HUGGINGFACE("huggingface", "Hugging Face", "hugging_face", "HF_TOKEN", true, "HF_ENDPOINT", "main", "/",
            CatalogConfig.Hubs::huggingface),
    MODELSCOPE("modelscope", "ModelScope", "model_scope", "MODELSCOPE_TOKEN", false, "MODELSCOPE_ENDPOINT", "master",
            "/models/", CatalogConfig.Hubs::modelscope);

    private final String wire;
    private final String label;
    private final String nebulaSource;
    private final String tokenVariable;
    private final boolean tokenRaisesQuota;
    private final String endpointVariable;
    private final String defaultBranch;
    private final String modelPagePath;
    private final Function<CatalogConfig.Hubs, CatalogConfig.Hub> settings;

    Provider(String wire, String label, String nebulaSource, String tokenVariable, boolean tokenRaisesQuota,
             String endpointVariable, String defaultBranch, String modelPagePath,
             Function<CatalogConfig.Hubs, CatalogConfig.Hub> settings) {
        this.wire = wire;
        this.label = label;
        this.nebulaSource = nebulaSource;
        this.tokenVariable = tokenVariable;
        this.tokenRaisesQuota = tokenRaisesQuota;
        this.endpointVariable = endpointVariable;
        this.defaultBranch = defaultBranch;
        this.modelPagePath = modelPagePath;
        this.settings = settings;
    }

    /** How our API names the hub. */
    public String wire() {
        return wire;
    }

    /** How people name it, in messages. */
    public String label() {
        return label;
    }

    /** Nebula's spelling in a ModelSpec's {@code model_source}. */
    public String nebulaSource() {
        return nebulaSource;
    }

    /** The environment variable holding this hub's token (see application.properties). */
    public String tokenVariable() {
        return tokenVariable;
    }

    /** Whether signing calls with a token raises the hub's rate limit (worth saying when it limits us). */
    public boolean tokenRaisesQuota() {
        return tokenRaisesQuota;
    }

    /** The environment variable that points this hub at a mirror (see application.properties). */
    public String endpointVariable() {
        return endpointVariable;
    }

    /** The branch Nebula's nodes download: ModelSpec has no revision. */
    public String defaultBranch() {
        return defaultBranch;
    }

    /** A model's page on the hub at {@code endpoint}. */
    public String modelPage(String endpoint, String modelId) {
        return endpoint + modelPagePath + modelId;
    }

    /** This hub's settings. */
    public CatalogConfig.Hub settings(CatalogConfig config) {
        return settings.apply(config.hubs());
    }

    /** Whether a token is configured for this hub. */
    public boolean hasToken(CatalogConfig config) {
        return settings(config).token().filter(t -> !t.isBlank()).isPresent();
    }

    /** The hub a request named (the contract's {@code ProviderParam}, already validated). */
    public static Provider of(ProviderParam requested) {
        return switch (requested) {
            case HF, HUGGINGFACE -> HUGGINGFACE;
            case MODELSCOPE -> MODELSCOPE;
        };
    }

    /** The hub behind a stored canonical name (import records, provenance labels); null for anything else. */
    public static Provider fromWire(String wire) {
        for (Provider p : values()) {
            if (p.wire.equals(wire)) {
                return p;
            }
        }
        return null;
    }
}
