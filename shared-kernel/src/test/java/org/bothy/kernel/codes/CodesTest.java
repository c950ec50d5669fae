package org.bothy.kernel.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The default code list loads, unknown codes are refused helpfully, and broken files are refused. */
class CodesTest {

    private final Codes codes = Codes.northEdinburgh();

    @Test
    void loadsTheNorthEdinburghCodes() {
        assertThat(codes.version()).isEqualTo("north-edinburgh.v1");
        assertThat(codes.organisations()).extracting(Organisation::code)
                .containsExactly("fresh-start", "move-on", "north-edinburgh-arts", "spartans");
        assertThat(codes.statutoryBodies()).extracting(StatutoryBody::code).containsExactly(
                "city-of-edinburgh-council", "edinburgh-hscp", "nhs-lothian", "scottish-government", "dwp", "police-scotland");
        assertThat(codes.themes()).hasSize(12);
        assertThat(codes.theme("housing").label()).isEqualTo("Housing");
        assertThat(codes.systemActor("universal-credit")).isEqualTo(new SystemActor("universal-credit", "Universal Credit (DWP)", "dwp"));
        assertThat(codes.systemActor("gp").responsibleBody()).isEqualTo("nhs-lothian");
        assertThat(codes.statutoryBody(codes.systemActor("council-revenues").responsibleBody()).label()).isEqualTo("City of Edinburgh Council");
        assertThat(codes.systemActors()).hasSize(11);
        assertThat(codes.level(1).code()).isEqualTo("individual");
        assertThat(codes.level(3).code()).isEqualTo("macro");
        assertThat(codes.owners()).extracting(Owner::code).containsExactly("team", "leadership", "government");
        assertThat(Codes.northEdinburgh()).isSameAs(codes);
    }

    @Test
    void loadsTheCodesOfTheWholePractice() {
        assertThat(codes.issueStatuses()).extracting(IssueStatus::code).containsExactly("open", "closed");
        assertThat(codes.doors()).extracting(Door::code)
                .containsExactly("drop-in", "referral", "outreach", "self-referral", "community-event");
        assertThat(codes.contactKinds()).extracting(ContactKind::code).containsExactly("visit", "call", "message", "meeting");
        assertThat(codes.softMeasureDimensions()).extracting(SoftMeasureDimension::code)
                .containsExactly("confidence", "wellbeing", "safety", "connection", "hope", "control");
        assertThat(codes.learningCycleScales()).extracting(LearningCycleScale::code)
                .containsExactly("person", "team", "organisation", "consortium", "place");
        assertThat(codes.door("drop-in").label()).isEqualTo("Drop-in");
        assertThat(codes.contactKind("call").label()).isEqualTo("Call");
        assertThat(codes.softMeasureDimension("hope").label()).isEqualTo("Hope");
        assertThat(codes.learningCycleScale("place").label()).isEqualTo("Place");
        assertThat(codes.issueStatus("closed").label()).isEqualTo("Closed");
    }

    @Test
    void refusesUnknownCodesOfThePracticeNamingTheValidOnes() {
        assertThatThrownBy(() -> codes.door("window")).isInstanceOf(UnknownCodeException.class)
                .hasMessage("unknown door 'window'; valid doors: community-event, drop-in, outreach, referral, self-referral");
        assertThatThrownBy(() -> codes.contactKind("letter")).isInstanceOf(UnknownCodeException.class)
                .hasMessage("unknown contactKind 'letter'; valid contactKinds: call, meeting, message, visit");
        assertThatThrownBy(() -> codes.softMeasureDimension("happiness")).isInstanceOfSatisfying(UnknownCodeException.class,
                e -> assertThat(e.kind()).isEqualTo("softMeasureDimension"))
                .hasMessage("unknown softMeasureDimension 'happiness'; valid softMeasureDimensions: "
                        + "confidence, connection, control, hope, safety, wellbeing");
        assertThatThrownBy(() -> codes.learningCycleScale("nation")).isInstanceOf(UnknownCodeException.class)
                .hasMessage("unknown learningCycleScale 'nation'; valid learningCycleScales: consortium, organisation, person, place, team");
        assertThatThrownBy(() -> codes.issueStatus(null)).isInstanceOf(UnknownCodeException.class)
                .hasMessage("unknown issueStatus 'null'; valid issueStatuses: closed, open");
    }

    @Test
    void refusesAFileWithoutDoors() throws IOException {
        String yaml = defaultYaml();
        String withoutDoors = yaml.substring(0, yaml.indexOf("doors:")) + yaml.substring(yaml.indexOf("contactKinds:"));

        assertThatThrownBy(() -> Codes.load(stream(withoutDoors)))
                .isInstanceOf(InvalidCodesFileException.class)
                .hasMessage("code list refused: no doors defined");
    }

    @Test
    void refusesAnUnknownThemeNamingItAndTheValidOnes() {
        assertThatThrownBy(() -> codes.theme("hosing"))
                .isInstanceOfSatisfying(UnknownCodeException.class, e -> {
                    assertThat(e.kind()).isEqualTo("theme");
                    assertThat(e.value()).isEqualTo("hosing");
                    assertThat(e.validCodes()).hasSize(12).contains("housing").isSorted();
                })
                .hasMessageStartingWith("unknown theme 'hosing'; valid themes: debt, digital-exclusion, education, ")
                .hasMessageContaining("housing");
    }

    @Test
    void refusesEveryOtherKindOfUnknownCode() {
        assertThatThrownBy(() -> codes.systemActor("council")).isInstanceOf(UnknownCodeException.class)
                .hasMessageStartingWith("unknown systemActor 'council'; valid systemActors: council-housing, ");
        assertThatThrownBy(() -> codes.organisation("hearts")).isInstanceOf(UnknownCodeException.class)
                .hasMessage("unknown organisation 'hearts'; valid organisations: fresh-start, move-on, north-edinburgh-arts, spartans");
        assertThatThrownBy(() -> codes.statutoryBody(null)).isInstanceOf(UnknownCodeException.class)
                .hasMessageContaining("unknown statutoryBody 'null'");
        assertThatThrownBy(() -> codes.owner("council")).isInstanceOf(UnknownCodeException.class)
                .hasMessage("unknown owner 'council'; valid owners: government, leadership, team");
        assertThatThrownBy(() -> codes.level(4)).isInstanceOf(UnknownCodeException.class)
                .hasMessage("unknown level '4'; valid levels: 1, 2, 3");
    }

    @Test
    void refusesAFileWhoseSystemActorNamesAnUndefinedBody() throws IOException {
        String yaml = defaultYaml().replace("responsibleBody: dwp", "responsibleBody: hmrc");

        assertThatThrownBy(() -> Codes.load(stream(yaml)))
                .isInstanceOf(InvalidCodesFileException.class)
                .hasMessageContaining("system actor 'universal-credit' names responsible body 'hmrc', which is not defined");
    }

    @Test
    void refusesADuplicatedCode() throws IOException {
        String yaml = defaultYaml().replace("- code: debt", "- code: housing");

        assertThatThrownBy(() -> Codes.load(stream(yaml)))
                .isInstanceOf(InvalidCodesFileException.class)
                .hasMessageContaining("theme 'housing' is defined twice");
    }

    @Test
    void refusesAFileThatIsNotACodeList() {
        assertThatThrownBy(() -> Codes.load(stream("themes: [unclosed")))
                .isInstanceOf(InvalidCodesFileException.class)
                .hasMessageStartingWith("code list refused: ");
        assertThatThrownBy(() -> Codes.load(stream("version: x\ncolours: [red]\n")))
                .isInstanceOf(InvalidCodesFileException.class)
                .hasMessageContaining("colours");
    }

    @Test
    void loadsAnotherConsortiumsFile() throws IOException {
        String yaml = defaultYaml().replace("version: north-edinburgh.v1", "version: leith.v1")
                .replace("- code: spartans", "- code: leith-community-crops");

        Codes leith = Codes.load(stream(yaml));

        assertThat(leith.version()).isEqualTo("leith.v1");
        assertThat(leith.organisation("leith-community-crops").label()).isEqualTo("Spartans Community Football Academy");
        assertThatThrownBy(() -> leith.organisation("spartans")).isInstanceOf(UnknownCodeException.class);
    }

    private static String defaultYaml() throws IOException {
        try (InputStream in = Codes.class.getClassLoader().getResourceAsStream(Codes.NORTH_EDINBURGH)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static InputStream stream(String yaml) {
        return new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8));
    }
}
