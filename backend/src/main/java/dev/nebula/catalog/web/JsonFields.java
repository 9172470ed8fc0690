package dev.nebula.catalog.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import java.util.Arrays;

/** What Jackson says about a request body, in our terms: the field's JSON path, and values outside a contract enum. */
final class JsonFields {

    private JsonFields() {
    }

    /** {@code items[1].model_uid}: the path to where reading stopped. */
    static String path(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() == null) {
                field.append('[').append(ref.getIndex()).append(']');
            } else {
                field.append(field.isEmpty() ? "" : ".").append(ref.getFieldName());
            }
        }
        return field.toString();
    }

    /**
     * A string the contract's enum does not list (provider "github"). It is well-formed JSON of the right type, so it
     * is a validation failure like any other broken rule, not an {@code invalid_json}.
     */
    static boolean outsideEnum(JsonMappingException e) {
        return enumType(e) != null && !path(e).isEmpty();
    }

    static ApiException enumRefusal(JsonMappingException e) {
        String field = path(e);
        Object[] values = enumType(e).getEnumConstants();
        return ApiException.badRequest(field, field + " must be one of "
                + Arrays.stream(values).map(Object::toString).toList());
    }

    private static Class<?> enumType(JsonMappingException e) {
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()
                && f.getValue() instanceof String) {
            return f.getTargetType();
        }
        if (e instanceof ValueInstantiationException v && v.getType() != null && v.getType().isEnumType()) {
            return v.getType().getRawClass();
        }
        return null;
    }
}
