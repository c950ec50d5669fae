package org.bothy.escalation.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.bothy.kernel.codes.Codes;
import org.bothy.kernel.codes.UnknownCodeException;

/**
 * Reads the rules file:
 * <pre>
 * default: {minPeople: 3, minOrganisations: 2, windowDays: 90}
 * rules:
 *   - {theme: housing, systemActor: private-landlord, minPeople: 5, minOrganisations: 2, windowDays: 30}
 *   - {systemActor: universal-credit, minPeople: 4}
 * </pre>
 * A value a rule leaves out is the default's. Themes and actors must be codes of the code list; a file with any
 * mistake is refused whole, with every reason.
 */
public final class RulesFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private RulesFile() {
    }

    /** The rules in {@code yaml}, defaulting to {@code fallback} where the file names no default. */
    public static CandidateRules read(InputStream yaml, CandidateRule fallback, Codes codes) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new IllegalArgumentException("the rules file is not YAML: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the rules file is empty or not a mapping");
        }
        List<String> problems = new ArrayList<>();
        CandidateRule defaultRule = root.has("default") ? rule(root.get("default"), fallback, "default", problems) : fallback;
        List<CandidateRules.Specific> specific = new ArrayList<>();
        int index = 0;
        for (JsonNode node : root.path("rules")) {
            String where = "rules[" + index++ + "]";
            String theme = text(node, "theme");
            String actor = text(node, "systemActor");
            if (theme == null && actor == null) {
                problems.add(where + ": names neither a theme nor a systemActor (use default for that)");
            }
            try {
                if (theme != null) {
                    codes.theme(theme);
                }
                if (actor != null) {
                    codes.systemActor(actor);
                }
            } catch (UnknownCodeException e) {
                problems.add(where + ": " + e.getMessage());
            }
            specific.add(new CandidateRules.Specific(theme, actor, rule(node, defaultRule, where, problems)));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the rules file is not valid: " + String.join("; ", problems));
        }
        return new CandidateRules(defaultRule, specific);
    }

    private static CandidateRule rule(JsonNode node, CandidateRule base, String where, List<String> problems) {
        int people = number(node, "minPeople", base.minPeople(), where, problems);
        int organisations = number(node, "minOrganisations", base.minOrganisations(), where, problems);
        int window = number(node, "windowDays", base.windowDays(), where, problems);
        return new CandidateRule(people, organisations, window);
    }

    private static int number(JsonNode node, String field, int otherwise, String where, List<String> problems) {
        JsonNode value = node.get(field);
        if (value == null) {
            return otherwise;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() <= 0) {
            problems.add(where + "." + field + ": must be a positive whole number");
            return otherwise;
        }
        return value.asInt();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText().trim();
    }
}
