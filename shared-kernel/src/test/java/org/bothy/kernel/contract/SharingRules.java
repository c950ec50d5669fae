package org.bothy.kernel.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What may cross the boundary, read from a contract's schema: free text only where it is marked as written for
 * sharing, and no property named like a private note or a personal detail.
 */
final class SharingRules {

    /** Property names that would carry a private note or a personal detail, compared without case. */
    static final Set<String> PERSONAL_NAMES = Set.of(
            "note", "notes", "privatenote", "name", "fullname", "firstname", "lastname", "surname", "givenname",
            "dateofbirth", "birthdate", "dob", "contact", "contactdetails", "email", "phone", "telephone", "mobile",
            "address", "postcode");

    private SharingRules() {
    }

    /** Every breach of the rules in one schema, each naming the property's path; empty when it keeps them. */
    static List<String> breaches(JsonNode schema) {
        List<String> breaches = new ArrayList<>();
        walk("$", schema, breaches);
        return breaches;
    }

    /** A string with no pattern, format, enum or const can say anything: it is free text. */
    static boolean isFreeText(JsonNode property) {
        return allowsString(property.path("type")) && !property.has("pattern") && !property.has("format")
                && !property.has("enum") && !property.has("const");
    }

    private static void walk(String path, JsonNode schema, List<String> breaches) {
        for (Map.Entry<String, JsonNode> entry : schema.path("properties").properties()) {
            String name = entry.getKey();
            JsonNode property = entry.getValue();
            String at = path + "." + name;
            if (isPersonal(name)) {
                breaches.add(at + ": named like a private note or personal detail");
            }
            check(at, property, breaches);
            walk(at, property, breaches);
            if (property.has("items")) {
                check(at + "[]", property.path("items"), breaches);
                walk(at + "[]", property.path("items"), breaches);
            }
        }
    }

    private static void check(String at, JsonNode property, List<String> breaches) {
        boolean marked = property.path(ContractSchemas.SHARED_TEXT).asBoolean(false);
        boolean saysSo = property.path("description").asText("").startsWith("Written for sharing: ");
        if (isFreeText(property)) {
            if (!marked) {
                breaches.add(at + ": free text without \"" + ContractSchemas.SHARED_TEXT + "\": true");
            }
            if (!saysSo) {
                breaches.add(at + ": free text whose description does not begin \"Written for sharing: \"");
            }
            if (!property.has("maxLength")) {
                breaches.add(at + ": free text without a maxLength");
            }
        } else if (marked || saysSo) {
            breaches.add(at + ": marked as shared text but is not free text");
        }
    }

    private static boolean isPersonal(String name) {
        return PERSONAL_NAMES.contains(name.toLowerCase(Locale.ROOT)) || name.toLowerCase(Locale.ROOT).endsWith("note")
                || name.toLowerCase(Locale.ROOT).endsWith("notes");
    }

    private static boolean allowsString(JsonNode type) {
        if (type.isTextual()) {
            return type.asText().equals("string");
        }
        for (JsonNode each : type) {
            if (each.asText().equals("string")) {
                return true;
            }
        }
        return false;
    }
}
