package dev.nebula.catalog.meta;

import java.util.List;

/** API view of what this service is, what it is configured with and what it can reach right now. */
public record Capabilities(String service, String version, Imports imports, Database database, Nebula nebula,
                           List<Hub> hubs) implements CapabilitiesAnswer {

    /**
     * What an import may ask for in this installation (catalog.imports.*): the contract leaves engines and the
     * replica limit to configuration, the import checks them, and the dialog offers exactly this.
     */
    public record Imports(List<String> engine_types, int max_replicas) {
    }

    /**
     * What an anonymous caller learns: only what the sign-in page needs (whether the demo accounts of the simulator
     * apply). Hosts, reachability and upstream error texts are for signed-in users.
     */
    public record Public(String service, String version, PublicNebula nebula) implements CapabilitiesAnswer {
    }

    public record PublicNebula(boolean configured, boolean simulated, String ui_url) {
    }

    public record Database(boolean reachable, String error) {
    }

    public record Nebula(boolean configured, boolean simulated, String url_host, String ui_url, boolean reachable,
                         String error) {
    }

    /** Last-seen fields are null until the hub has been called; {@code circuit} is closed, open or half_open. */
    public record Hub(String provider, boolean enabled, Boolean reachable, String endpoint_variable, String base_url_host,
                      boolean token_configured, String last_success_at, String last_failure_at,
                      String last_failure_reason, String circuit) {
    }
}
