package dev.nebula.sim.wire;

import com.fasterxml.jackson.annotation.JsonCreator;

/** How a model's weights are obtained. Note the underscore: huggingface/modelscope are rejected upstream (reference §1.1). */
public enum ModelSource implements WireEnum {
    HUGGING_FACE,
    MODEL_SCOPE,
    LOCAL;

    /** Parses the exact wire spelling; null when it is not one. */
    @JsonCreator
    public static ModelSource fromWire(String value) {
        return WireEnum.parse(ModelSource.class, value);
    }
}
