package dev.nebula.sim.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a model's weights are obtained. Note the underscore: huggingface/modelscope are rejected upstream (reference §1.1). */
public enum ModelSource implements WireEnum {
    HUGGING_FACE("hugging_face"),
    MODEL_SCOPE("model_scope"),
    LOCAL("local");

    private final String wire;

    ModelSource(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    /** Parses the exact wire spelling; null when it is not one. */
    @JsonCreator
    public static ModelSource fromWire(String value) {
        for (ModelSource v : values()) {
            if (v.wire.equals(value)) {
                return v;
            }
        }
        return null;
    }
}
