package dev.nebula.catalog.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import org.hibernate.validator.constraints.UniqueElements;

import java.lang.reflect.Method;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one translation of the contract's request rules, checked by Bean Validation on the generated endpoints, into our
 * error: 400 {@code validation_failed} naming the field as the caller wrote it ({@code limit}, {@code Idempotency-Key},
 * {@code items[1].model_uid}), or {@code invalid_model_uid} for a path's model uid (the contract's wording). Of several
 * violations the first by field name is reported, so the same request always gets the same answer.
 */
public final class ConstraintViolations {

    /** Parameters whose refusal has a code of its own, as the contract describes them. */
    private static final Map<String, String> CODES = Map.of("uid", "invalid_model_uid");
    private static final Map<String, String> MESSAGES = Map.of("invalid_model_uid", "A model uid is 1-128 characters "
            + "of A-Z a-z 0-9 . _ - starting with a letter or digit; no model in Nebula can have this one.");

    private ConstraintViolations() {
    }

    public static ApiException toApi(ConstraintViolationException e) {
        return e.getConstraintViolations().stream()
                .map(v -> new Named(field(v), v))
                .min(Comparator.comparing(Named::field))
                .map(ConstraintViolations::refusal)
                .orElseGet(() -> ApiException.badRequest("body", "The request is not valid."));
    }

    private static ApiException refusal(Named n) {
        String code = CODES.get(n.field());
        if (code != null) {
            return new ApiException(400, code, MESSAGES.get(code), Map.of("field", n.field()));
        }
        return ApiException.badRequest(n.field(), n.field() + " " + n.violation().getMessage());
    }

    private record Named(String field, ConstraintViolation<?> violation) {
    }

    /**
     * The parameter's name in the request (from its JAX-RS annotation; a body is {@code body}), then each property by
     * its JSON name with list indexes, and for a repeated list entry the index of the first repeat.
     */
    static String field(ConstraintViolation<?> v) {
        StringBuilder out = new StringBuilder();
        Method method = null;
        Class<?> bean = null;
        for (Path.Node node : v.getPropertyPath()) {
            if (node.isInIterable() && node.getIndex() != null) {
                out.append('[').append(node.getIndex()).append(']'); // the index of the list before this node
            }
            switch (node.getKind()) {
                case METHOD -> method = methodOf(v.getRootBeanClass(), node.as(Path.MethodNode.class));
                case PARAMETER -> {
                    int index = node.as(Path.ParameterNode.class).getParameterIndex();
                    String name = method == null ? null : EndpointParameters.requestName(method, index);
                    out.append(name == null ? "" : name); // a body is named by its fields
                    bean = method == null ? null : method.getParameterTypes()[index];
                }
                case PROPERTY -> {
                    out.append(out.isEmpty() ? "" : ".").append(jsonName(bean, node.getName()));
                    bean = propertyType(bean, node.getName());
                }
                default -> {
                    // container elements add only their index, above
                }
            }
        }
        if (v.getConstraintDescriptor().getAnnotation() instanceof UniqueElements
                && v.getInvalidValue() instanceof List<?> list) {
            out.append('[').append(firstRepeat(list)).append(']');
        }
        return out.isEmpty() ? "body" : out.toString();
    }

    private static int firstRepeat(List<?> list) {
        Set<Object> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            if (!seen.add(list.get(i))) {
                return i;
            }
        }
        return 0;
    }

    private static Method methodOf(Class<?> type, Path.MethodNode node) {
        try {
            return type.getMethod(node.getName(), node.getParameterTypes().toArray(Class[]::new));
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static String jsonName(Class<?> bean, String property) {
        Method getter = getter(bean, property);
        JsonProperty json = getter == null ? null : getter.getAnnotation(JsonProperty.class);
        return json != null && !json.value().isEmpty() ? json.value() : property;
    }

    /** The type a property holds, or for a list the type of its elements. */
    private static Class<?> propertyType(Class<?> bean, String property) {
        Method getter = getter(bean, property);
        if (getter == null) {
            return null;
        }
        if (getter.getGenericReturnType() instanceof java.lang.reflect.ParameterizedType p
                && p.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return getter.getReturnType();
    }

    private static Method getter(Class<?> bean, String property) {
        if (bean == null) {
            return null;
        }
        String name = "get" + Character.toUpperCase(property.charAt(0)) + property.substring(1);
        try {
            return bean.getMethod(name);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
