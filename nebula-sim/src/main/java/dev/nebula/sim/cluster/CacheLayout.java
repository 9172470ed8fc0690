package dev.nebula.sim.cluster;

import dev.nebula.sim.wire.ModelSource;
import java.util.List;

/**
 * Where a model's files live on a node, per source (reference §9, §10): HuggingFace hub layout
 * {@code .cache/huggingface/hub/models--Org--Name}, ModelScope {@code .cache/modelscope/hub/Org/Name}, or a plain
 * directory for local models.
 */
public final class CacheLayout {
    public static final String DEFAULT_MODEL_DIR = "/DATA/Model";

    private CacheLayout() {
    }

    public static String path(String modelDir, ModelSource source, String modelName, String modelPath) {
        return switch (source) {
            case HUGGING_FACE -> huggingFace(root(modelDir, modelPath), modelName);
            case MODEL_SCOPE -> modelScope(root(modelDir, modelPath), modelName);
            case LOCAL -> modelPath != null && !modelPath.isBlank() ? modelPath.trim()
                    : modelDir + "/" + lastSegment(modelName);
        };
    }

    /** HF/MS downloads go below spec.model_path when set (trimmed, non-empty), else below the node's model dir. */
    private static String root(String modelDir, String modelPath) {
        return modelPath != null && !modelPath.isBlank() ? modelPath.trim() : modelDir;
    }

    public static String huggingFace(String root, String modelName) {
        return root + "/.cache/huggingface/hub/models--" + modelName.replace("/", "--");
    }

    public static String modelScope(String root, String modelName) {
        return root + "/.cache/modelscope/hub/" + modelName;
    }

    /** The name a scan publishes for a directory: org/name for hub layouts, the directory name otherwise. */
    public static String scannedName(String modelDir, String path) {
        String hf = modelDir + "/.cache/huggingface/hub/models--";
        String ms = modelDir + "/.cache/modelscope/hub/";
        if (path.startsWith(hf)) {
            return path.substring(hf.length()).replaceFirst("--", "/");
        }
        if (path.startsWith(ms)) {
            return path.substring(ms.length());
        }
        return lastSegment(path);
    }

    /** Paths a node checks for an existing copy before it downloads (reference §10). */
    static List<String> candidatePaths(String modelDir, String modelName) {
        return List.of(huggingFace(modelDir, modelName), modelScope(modelDir, modelName),
                modelDir + "/" + modelName, modelDir + "/" + lastSegment(modelName));
    }

    public static String lastSegment(String name) {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? name : name.substring(slash + 1);
    }

    static boolean insideModelDir(String modelDir, String path) {
        return path.startsWith(modelDir + "/");
    }
}
