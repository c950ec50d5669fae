package org.bothy.kernel.contract.learning;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bothy.kernel.codes.Codes;
import org.bothy.kernel.codes.UnknownCodeException;

/** Reads which code list a schema property names in its description ("(codes: themes)") and checks values against it. */
final class CodeListReference {

    private static final Pattern REFERENCE = Pattern.compile("\\(codes[^:)]*: ([A-Za-z]+)\\)");
    private static final Codes CODES = Codes.northEdinburgh();
    private static final Map<String, Consumer<String>> LOOKUPS = Map.of(
            "themes", CODES::theme,
            "systemActors", CODES::systemActor,
            "owners", CODES::owner,
            "issueStatuses", CODES::issueStatus,
            "doors", CODES::door,
            "contactKinds", CODES::contactKind,
            "softMeasureDimensions", CODES::softMeasureDimension,
            "learningCycleScales", CODES::learningCycleScale);

    private CodeListReference() {
    }

    /** The code list a property names, or null when it names none. */
    static String of(JsonNode property) {
        Matcher matcher = REFERENCE.matcher(property.path("description").asText(""));
        return matcher.find() ? matcher.group(1) : null;
    }

    /** Whether the value is a code of that list; a list the kernel does not know fails loudly. */
    static boolean isCode(String list, String value) {
        Consumer<String> lookup = LOOKUPS.get(list);
        if (lookup == null) {
            throw new IllegalArgumentException("a schema names code list '" + list + "', which Codes does not have");
        }
        try {
            lookup.accept(value);
            return true;
        } catch (UnknownCodeException unknown) {
            return false;
        }
    }
}
