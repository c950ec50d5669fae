package org.bothy.kernel.codes;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The consortium's code lists, loaded from one versioned YAML file: organisations, statutory bodies, themes,
 * system actors (each with its responsible body), levels, owners and statuses of issues, doors, contact kinds,
 * soft-measure dimensions and learning-cycle scales. Immutable and safe to share.
 */
public final class Codes {

    /** Classpath resource of the North Edinburgh code list. */
    public static final String NORTH_EDINBURGH = "codes/north-edinburgh.v1.yaml";

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private static volatile Codes northEdinburgh;

    private final String version;
    private final String consortium;
    private final CodeList<Organisation> organisations;
    private final CodeList<StatutoryBody> statutoryBodies;
    private final CodeList<Theme> themes;
    private final CodeList<SystemActor> systemActors;
    private final Map<Integer, Level> levels;
    private final CodeList<Owner> owners;
    private final CodeList<IssueStatus> issueStatuses;
    private final CodeList<Door> doors;
    private final CodeList<ContactKind> contactKinds;
    private final CodeList<SoftMeasureDimension> softMeasureDimensions;
    private final CodeList<LearningCycleScale> learningCycleScales;

    private Codes(CodesFile file) {
        if (file.version() == null || file.version().isBlank()) {
            throw new InvalidCodesFileException("no version");
        }
        this.version = file.version();
        this.consortium = file.consortium();
        this.organisations = CodeList.of("organisation", file.organisations(), Organisation::code, Organisation::label);
        this.statutoryBodies = CodeList.of("statutoryBody", file.statutoryBodies(), StatutoryBody::code, StatutoryBody::label);
        this.themes = CodeList.of("theme", file.themes(), Theme::code, Theme::label);
        this.systemActors = CodeList.of("systemActor", file.systemActors(), SystemActor::code, SystemActor::label);
        this.owners = CodeList.of("owner", file.owners(), Owner::code, Owner::label);
        this.issueStatuses = CodeList.of("issueStatus", file.issueStatuses(), IssueStatus::code, IssueStatus::label);
        this.doors = CodeList.of("door", file.doors(), Door::code, Door::label);
        this.contactKinds = CodeList.of("contactKind", file.contactKinds(), ContactKind::code, ContactKind::label);
        this.softMeasureDimensions = CodeList.of("softMeasureDimension", file.softMeasureDimensions(),
                SoftMeasureDimension::code, SoftMeasureDimension::label);
        this.learningCycleScales = CodeList.of("learningCycleScale", file.learningCycleScales(),
                LearningCycleScale::code, LearningCycleScale::label);
        this.levels = levels(file.levels());
        for (SystemActor actor : systemActors.all()) {
            if (statutoryBodies.find(actor.responsibleBody()).isEmpty()) {
                throw new InvalidCodesFileException("system actor '" + actor.code() + "' names responsible body '"
                        + actor.responsibleBody() + "', which is not defined; defined statutory bodies: "
                        + String.join(", ", statutoryBodies.codes()));
            }
        }
    }

    /** The default code list, for the North Edinburgh consortium (loaded once). */
    public static Codes northEdinburgh() {
        Codes codes = northEdinburgh;
        if (codes == null) {
            synchronized (Codes.class) {
                codes = northEdinburgh;
                if (codes == null) {
                    try (InputStream in = Codes.class.getClassLoader().getResourceAsStream(NORTH_EDINBURGH)) {
                        if (in == null) {
                            throw new IllegalStateException("code list missing from the classpath: " + NORTH_EDINBURGH);
                        }
                        codes = load(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    northEdinburgh = codes;
                }
            }
        }
        return codes;
    }

    /** A code list read from YAML; refuses a file that is malformed or refers to something it does not define. */
    public static Codes load(InputStream yaml) {
        try {
            CodesFile file = YAML.readValue(yaml, CodesFile.class);
            if (file == null) {
                throw new InvalidCodesFileException("the file is empty");
            }
            return new Codes(file);
        } catch (IOException e) {
            throw new InvalidCodesFileException("not a code list: " + firstLine(e.getMessage()), e);
        }
    }

    /** A code list read from a YAML file, e.g. for another consortium. */
    public static Codes load(Path yaml) {
        try (InputStream in = Files.newInputStream(yaml)) {
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read code list " + yaml, e);
        }
    }

    /** The version of the code list, e.g. {@code north-edinburgh.v1}. */
    public String version() {
        return version;
    }

    /** The consortium's name. */
    public String consortium() {
        return consortium;
    }

    /** The partner organisations, in file order. */
    public List<Organisation> organisations() {
        return organisations.all();
    }

    /** The organisation with that code, or {@link UnknownCodeException}. */
    public Organisation organisation(String code) {
        return organisations.get(code);
    }

    /** The statutory bodies, in file order. */
    public List<StatutoryBody> statutoryBodies() {
        return statutoryBodies.all();
    }

    /** The statutory body with that code, or {@link UnknownCodeException}. */
    public StatutoryBody statutoryBody(String code) {
        return statutoryBodies.get(code);
    }

    /** The themes, in file order. */
    public List<Theme> themes() {
        return themes.all();
    }

    /** The theme with that code, or {@link UnknownCodeException}. */
    public Theme theme(String code) {
        return themes.get(code);
    }

    /** The system actors, in file order. */
    public List<SystemActor> systemActors() {
        return systemActors.all();
    }

    /** The system actor with that code, or {@link UnknownCodeException}. */
    public SystemActor systemActor(String code) {
        return systemActors.get(code);
    }

    /** The levels, 1 to 3. */
    public List<Level> levels() {
        return List.copyOf(levels.values());
    }

    /** The level with that number, or {@link UnknownCodeException}. */
    public Level level(int level) {
        Level found = levels.get(level);
        if (found == null) {
            throw new UnknownCodeException("level", String.valueOf(level),
                    levels.keySet().stream().map(String::valueOf).toList());
        }
        return found;
    }

    /** The owners of issues, in file order. */
    public List<Owner> owners() {
        return owners.all();
    }

    /** The owner with that code, or {@link UnknownCodeException}. */
    public Owner owner(String code) {
        return owners.get(code);
    }

    /** The statuses of an issue, in file order. */
    public List<IssueStatus> issueStatuses() {
        return issueStatuses.all();
    }

    /** The issue status with that code, or {@link UnknownCodeException}. */
    public IssueStatus issueStatus(String code) {
        return issueStatuses.get(code);
    }

    /** The doors (routes in), in file order. */
    public List<Door> doors() {
        return doors.all();
    }

    /** The door with that code, or {@link UnknownCodeException}. */
    public Door door(String code) {
        return doors.get(code);
    }

    /** The kinds of contact, in file order. */
    public List<ContactKind> contactKinds() {
        return contactKinds.all();
    }

    /** The contact kind with that code, or {@link UnknownCodeException}. */
    public ContactKind contactKind(String code) {
        return contactKinds.get(code);
    }

    /** The soft-measure dimensions, in file order. */
    public List<SoftMeasureDimension> softMeasureDimensions() {
        return softMeasureDimensions.all();
    }

    /** The soft-measure dimension with that code, or {@link UnknownCodeException}. */
    public SoftMeasureDimension softMeasureDimension(String code) {
        return softMeasureDimensions.get(code);
    }

    /** The scales a learning cycle can run at, in file order. */
    public List<LearningCycleScale> learningCycleScales() {
        return learningCycleScales.all();
    }

    /** The learning-cycle scale with that code, or {@link UnknownCodeException}. */
    public LearningCycleScale learningCycleScale(String code) {
        return learningCycleScales.get(code);
    }

    private static Map<Integer, Level> levels(List<Level> entries) {
        if (entries == null || entries.isEmpty()) {
            throw new InvalidCodesFileException("no levels defined");
        }
        Map<Integer, Level> byNumber = new TreeMap<>();
        for (Level level : entries) {
            if (level.level() < 1 || level.level() > 3) {
                throw new InvalidCodesFileException("level " + level.level() + " is outside 1 (individual) to 3 (macro)");
            }
            if (level.label() == null || level.label().isBlank()) {
                throw new InvalidCodesFileException("level " + level.level() + " has no label");
            }
            if (byNumber.putIfAbsent(level.level(), level) != null) {
                throw new InvalidCodesFileException("level " + level.level() + " is defined twice");
            }
        }
        return Collections.unmodifiableMap(byNumber);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    @Override
    public String toString() {
        return "Codes[" + version + "]";
    }
}
