package dev.nebula.catalog.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Typed view of the product's own settings ({@code catalog.*}); environment variables map onto them. */
@ConfigMapping(prefix = "catalog")
public interface CatalogConfig {

    /** Where the embedded database, generated keys and other local state live. */
    @WithDefault("data")
    String dataDir();

    Nebula nebula();

    Hubs hubs();

    Auth auth();

    Inventory inventory();

    Imports imports();

    Web web();

    Status status();

    /** The live status signed-in users see in capabilities. */
    interface Status {
        /** How long one probe of the database and Nebula answers every caller. */
        @WithDefault("3s")
        Duration probeEvery();
    }

    /** How the page is served to browsers. */
    interface Web {
        /**
         * CSP frame-ancestors sources that may embed the page, e.g. {@code 'self' https://nebula.example.com} so that
         * Nebula's own UI can show it in a frame.
         */
        @WithDefault("'self'")
        String frameAncestors();
    }

    /** Imports (see docs/imports.md). */
    interface Imports {
        /** Engines an import may ask for. */
        @WithDefault("vllm,sglang")
        java.util.List<String> engineTypes();

        @WithDefault("8")
        int maxReplicas();

        /** How often imports left submitted or unknown are settled against Nebula. */
        @WithDefault("15s")
        Duration recoveryInterval();
    }

    /** The downloaded-models snapshot (see docs/inventory.md). */
    interface Inventory {
        /** A snapshot younger than this is served without asking Nebula. */
        @WithDefault("1s")
        Duration freshFor();

        /**
         * A snapshot younger than this is still served at once, while a refresh runs in the background for the next
         * caller; older ones make the caller wait for the refresh (up to slowAfter).
         */
        @WithDefault("5s")
        Duration revalidateFor();

        /** With a snapshot in hand, wait no longer than this for Nebula before answering from it (stale). */
        @WithDefault("800ms")
        Duration slowAfter();

        /** Without any snapshot, how long the first caller waits before getting 503. */
        @WithDefault("11s")
        Duration firstWait();

        /**
         * Model details fetched at once during a refresh (1,000 models at 20 ms latency: 8 → 1.06 s a refresh,
         * 32 → 0.38 s; see docs/benchmarks.md).
         */
        @WithDefault("32")
        int detailConcurrency();
    }

    interface Auth {
        /** File holding the base64 AES-256 key that encrypts stored Nebula sessions (generated on first start). */
        Optional<String> sessionKeyFile();

        /**
         * A user's Nebula session is confirmed with Nebula when it has not been for this long (see
         * SessionConfirmations): how soon a logout elsewhere in Nebula reaches a page that reads only shared data.
         */
        @WithDefault("10s")
        Duration confirmSessionEvery();

        External external();
    }

    /** An external token issuer (OIDC provider) whose tokens are accepted beside our own. */
    interface External {
        /** The issuer ({@code iss}) to accept; unset disables external tokens. */
        Optional<String> issuer();

        /** Public key (PEM file or URL) or JWKS URL of the issuer. */
        Optional<String> publickeyLocation();

        /** The audience ({@code aud}) external tokens must carry: the client id the issuer knows this catalog by. */
        @WithDefault("nebula-model-catalog")
        String audience();

        /** Claim holding the user's groups or roles. */
        @WithDefault("groups")
        String roleClaim();

        /** Claim values mapped to catalog roles, e.g. {@code catalog-admins=admin}; unmapped values grant nothing. */
        Map<String, String> roleMap();

        /** Nebula account used for external users' calls to Nebula ({@code NEBULA_SERVICE_USER}). */
        Optional<String> serviceUser();

        Optional<String> servicePassword();
    }

    Search search();

    Upstream upstream();

    Fit fit();

    /** The background check of imported models against their hub's default branch (see docs/cache-manager.md). */
    interface Upstream {
        /** How often the check runs; 0 turns it off (tests run it by hand). */
        @WithDefault("60s")
        Duration checkEvery();

        /** A hub model is asked again no sooner than this, across replicas. */
        @WithDefault("10m")
        Duration recheckAfter();

        /** Hub calls one run may make at most, over both hubs. */
        @WithDefault("5")
        int callsPerRun();
    }

    /** The GPU fit estimate of the import pre-flight (see docs/cache-manager.md). */
    interface Fit {
        /** Runtime headroom over the weights (KV cache, activations), in percent of the weights. */
        @WithDefault("20")
        int headroomPercent();

        /** Added per GPU for the CUDA context and the engine's own buffers, in MiB. */
        @WithDefault("1024")
        int gpuOverheadMb();
    }

    interface Nebula {
        /** Nebula BFF base URL; empty means "not configured" (Main then starts the simulator). */
        Optional<String> url();

        /**
         * Nebula's own web UI (its Models page sits beside ours): the top bar's Models link and each model's
         * "Open in Nebula" point there. Unset: neither is shown. Only http(s) URLs are used.
         */
        Optional<String> uiUrl();

        /** True when the URL points at the built-in simulator (set by Main or by tests). */
        @WithDefault("false")
        boolean simulated();

        /**
         * Budget of one Nebula call (a read's retry gets its own); the connection's own timeouts are
         * {@code quarkus.rest-client.nebula.*}.
         */
        @WithDefault("5s")
        Duration readTimeout();
    }

    interface Hubs {
        Hub huggingface();

        Hub modelscope();
    }

    interface Hub {
        @WithDefault("true")
        boolean enabled();

        String endpoint();

        Optional<String> token();

        /** Budget for one search call including its single retry; the page waits no longer than this. */
        @WithDefault("2s")
        Duration searchTimeout();

        /** Budget for a model's metadata (model info, file list and card). */
        @WithDefault("8s")
        Duration metadataTimeout();

        /**
         * ModelScope only: which search surface to call first, {@code openapi} (official) or {@code dolphin}
         * (the web UI's call). The other one is the fallback when the first answers garbage or 404/5xx.
         */
        @WithDefault("openapi")
        String searchApi();
    }

    interface Search {
        /** How long an identical search is answered from memory. */
        @WithDefault("60s")
        Duration cacheTtl();

        /** How long a model's metadata is answered from memory. */
        @WithDefault("10m")
        Duration metadataTtl();

        /** Bound on remembered searches, metadata answers and Hugging Face cursor chains (each). */
        @WithDefault("1000")
        int cacheEntries();

        /**
         * How often a hub nobody called lately is asked for one result, so the status panel and block B know an
         * offline hub before anyone searches (0 turns it off). A hub called within the interval is not probed.
         */
        @WithDefault("60s")
        Duration probeEvery();

        /** Calls in the window before a hub's circuit may open (half of them failing opens it). */
        @WithDefault("10")
        int circuitRequestVolume();

        /** How long an open circuit answers 503 before letting a trial call through. */
        @WithDefault("15s")
        Duration circuitOpenFor();

        /**
         * Longest a search or metadata request waits for its hub calls altogether (each call also has its own
         * budget); deeper walks and slow hubs end in 504 {@code hub_timeout} rather than holding the caller.
         */
        @WithDefault("10s")
        Duration requestDeadline();

        /**
         * Requests that may reach a hub (search, metadata, pre-flight) per user per minute; a quarter of it may come
         * at once. Over it: 429 with Retry-After, before any hub call, so one user cannot use up the hubs' quota or
         * trip their circuit breakers for everyone.
         */
        @WithDefault("120")
        int perUserPerMinute();

        /** The same per client address (several users behind one proxy share it). */
        @WithDefault("480")
        int perAddressPerMinute();

        /** Sent to both hubs: some hub front ends block unknown or library-default agents. */
        @WithDefault("nebula-model-catalog/0.1 (+https://github.com/lipish/nebula)")
        String userAgent();
    }
}
