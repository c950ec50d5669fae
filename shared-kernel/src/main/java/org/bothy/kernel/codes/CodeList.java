package org.bothy.kernel.codes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/** One kind of code, in file order, looked up by code; unknown codes are refused naming the valid ones. */
final class CodeList<T> {

    private static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final String kind;
    private final Map<String, T> byCode;
    private final List<String> sortedCodes;

    private CodeList(String kind, Map<String, T> byCode) {
        this.kind = kind;
        this.byCode = Collections.unmodifiableMap(byCode);
        List<String> codes = new ArrayList<>(byCode.keySet());
        Collections.sort(codes);
        this.sortedCodes = List.copyOf(codes);
    }

    static <T> CodeList<T> of(String kind, List<T> entries, Function<T, String> code, Function<T, String> label) {
        if (entries == null || entries.isEmpty()) {
            throw new InvalidCodesFileException("no " + kind + "s defined");
        }
        Map<String, T> byCode = new LinkedHashMap<>();
        for (T entry : entries) {
            if (entry == null) {
                throw new InvalidCodesFileException("an empty " + kind + " entry");
            }
            String value = code.apply(entry);
            if (value == null || !CODE.matcher(value).matches()) {
                throw new InvalidCodesFileException(kind + " code '" + value + "' is not lower-case letters, digits and single hyphens");
            }
            String text = label.apply(entry);
            if (text == null || text.isBlank()) {
                throw new InvalidCodesFileException(kind + " '" + value + "' has no label");
            }
            if (byCode.putIfAbsent(value, entry) != null) {
                throw new InvalidCodesFileException(kind + " '" + value + "' is defined twice");
            }
        }
        return new CodeList<>(kind, byCode);
    }

    T get(String code) {
        T entry = code == null ? null : byCode.get(code);
        if (entry == null) {
            throw new UnknownCodeException(kind, code, sortedCodes);
        }
        return entry;
    }

    Optional<T> find(String code) {
        return Optional.ofNullable(code).map(byCode::get);
    }

    List<T> all() {
        return List.copyOf(byCode.values());
    }

    List<String> codes() {
        return sortedCodes;
    }
}
