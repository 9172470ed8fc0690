package dev.nebula.catalog.web;

import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads the generated endpoints' typed parameters (whole numbers, the contract's enums, uuids, date-times). A value
 * that is not of the parameter's type is an {@link Unreadable}, which the error mapping turns into a 400
 * {@code validation_failed} naming the parameter (the framework alone answers a 404 that names nothing). Ranges and
 * patterns are the contract's constraints, checked after this by Bean Validation ({@link ConstraintViolations}).
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
public class RequestParameters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        Function<String, Object> parse = parserFor(rawType);
        return parse == null ? null : (ParamConverter<T>) new Reader(rawType, parse);
    }

    private static Function<String, Object> parserFor(Class<?> type) {
        if (type == Integer.class) {
            return s -> Integer.valueOf(s.trim());
        }
        if (type == Long.class) {
            return s -> Long.valueOf(s.trim());
        }
        if (type == UUID.class) {
            return UUID::fromString;
        }
        if (type == OffsetDateTime.class) {
            return OffsetDateTime::parse;
        }
        if (type.isEnum() && type.getPackageName().equals("dev.nebula.catalog.api.model")) {
            // the contract's enums, which write their contract value in toString()
            Object[] values = type.getEnumConstants();
            return s -> Arrays.stream(values).filter(v -> v.toString().equals(s)).findFirst()
                    .orElseThrow(IllegalArgumentException::new);
        }
        return null;
    }

    /** What a parameter of {@code type} must look like, for the caller. */
    static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type == OffsetDateTime.class) {
            return "an ISO-8601 date-time with offset, e.g. 2026-11-26T10:00:00Z";
        }
        return "a whole number";
    }

    /** A parameter value that is not of its type; the error mapping finds which parameter it was. */
    public static final class Unreadable extends RuntimeException {

        private final transient Class<?> type;
        private final String value;

        Unreadable(Class<?> type, String value) {
            super(value + " is not " + expected(type), null, false, false);
            this.type = type;
            this.value = value;
        }

        Class<?> type() {
            return type;
        }

        String value() {
            return value;
        }
    }

    private record Reader(Class<?> type, Function<String, Object> parse) implements ParamConverter<Object> {

        @Override
        public Object fromString(String value) {
            try {
                return parse.apply(value);
            } catch (RuntimeException e) {
                throw new Unreadable(type, value);
            }
        }

        @Override
        public String toString(Object value) {
            return value == null ? null : value.toString();
        }
    }
}
