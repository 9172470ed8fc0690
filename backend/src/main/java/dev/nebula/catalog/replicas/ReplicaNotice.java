package dev.nebula.catalog.replicas;

/**
 * What another replica changed, as a CDI event fired on the listener's thread. {@link Topic#RESYNC} carries no
 * subject: the listener lost its connection for a while and may have missed notices, so every cache a notice would
 * have touched has to be treated as stale.
 */
public record ReplicaNotice(Topic topic, String subject) {

    public enum Topic {
        /** A model was imported or deleted; the subject is its uid. */
        INVENTORY,
        /** A session was ended (logout); the subject is the token id. */
        SESSION,
        /** Notices may have been missed. */
        RESYNC;

        String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Topic parse(String wire) {
            for (Topic t : values()) {
                if (t.wire().equals(wire) && t != RESYNC) {
                    return t;
                }
            }
            return null;
        }
    }

    static ReplicaNotice resync() {
        return new ReplicaNotice(Topic.RESYNC, "");
    }
}
