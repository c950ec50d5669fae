package org.bothy.partner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import org.bothy.kernel.contract.learning.Lm3Reported;
import org.bothy.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Local spend over HTTP with the consortium's worked figures: R1 £100,000, R2 £60,000, R3 £24,000 gives an LM3 of
 * 1.84, predicted at the start and actual at the end, shown on the project and published as {@code Lm3Reported}.
 */
class LocalSpendOverHttpTest extends OrganisationLearningOverHttp {

    @DynamicPropertySource
    static void realInfrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "partner_local_spend_test");
    }

    @Test
    void theWorkedFiguresGiveAnLm3Of184PredictedAndActualShownAndPublished() throws Exception {
        HttpResponse<String> started = send("POST", "/projects", lead, null, """
                {"name": "Summer football camps", "incomePence": 10000000, "plannedLocalSpendPence": 6000000,
                 "plannedRespend": {"percent": 40}}""");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        JsonNode project = JSON.readTree(started.body());
        String projectId = project.get("projectId").asText();
        assertThat(project.get("predicted").get("r3Pence").asLong()).isEqualTo(2_400_000L);
        assertThat(project.get("predicted").get("lm3").decimalValue()).isEqualByComparingTo("1.84");
        assertThat(project.get("actual").isNull()).isTrue();

        spend(projectId, "Pilton bakery", 3_500_000L, true);
        spend(projectId, "Local coaches", 2_500_000L, true);
        spend(projectId, "National kit supplier", 3_000_000L, false);
        assertThat(send("PUT", "/projects/" + projectId + "/respend", worker, null, "{\"pence\": 2400000}")
                .statusCode()).isEqualTo(200);

        HttpResponse<String> finished = send("POST", "/projects/" + projectId + "/completion", lead, null, null);
        assertThat(finished.statusCode()).as(finished.body()).isEqualTo(200);

        JsonNode read = JSON.readTree(send("GET", "/projects/" + projectId, worker, null, null).body());
        assertThat(read.get("status").asText()).isEqualTo("finished");
        assertThat(read.get("localSpendPence").asLong()).isEqualTo(6_000_000L);
        assertThat(read.get("spend")).hasSize(3);
        JsonNode actual = read.get("actual");
        assertThat(actual.get("r1Pence").asLong()).isEqualTo(10_000_000L);
        assertThat(actual.get("r2Pence").asLong()).isEqualTo(6_000_000L);
        assertThat(actual.get("r3Pence").asLong()).isEqualTo(2_400_000L);
        assertThat(actual.get("lm3").decimalValue()).isEqualByComparingTo("1.84");

        List<Lm3Reported> reported = published(projectId, Lm3Reported.class, 2,
                lm3 -> lm3.basis().equals("predicted") ? 0 : 1);
        assertThat(reported).extracting(Lm3Reported::basis).containsExactly("predicted", "actual");
        assertThat(reported).allSatisfy(lm3 -> {
            assertThat(lm3.lm3()).isEqualTo(new BigDecimal("1.84"));
            assertThat(lm3.projectName()).isEqualTo("Summer football camps");
            assertThat(lm3.organisation()).isEqualTo(ORGANISATION);
            assertThat(lm3.r1Pence()).isEqualTo(10_000_000L);
        });

        JsonNode listed = JSON.readTree(send("GET", "/projects?size=100", worker, null, null).body());
        assertThat(listed.get("totalItems").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(listed.get("items").findValuesAsText("projectId")).contains(projectId);
    }

    @Test
    void figuresLm3CannotUseAreRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        long before = storedEvents();
        JsonNode problem = assertProblem(send("POST", "/projects", lead, null, """
                {"name": "", "incomePence": 0, "plannedLocalSpendPence": -5,
                 "plannedRespend": {"percent": 140}}"""), "incomePence");
        assertThat(fields(problem)).contains("name", "plannedLocalSpendPence", "plannedRespend.percent");
        assertProblem(send("POST", "/projects", lead, null, """
                {"name": "Both given", "incomePence": 100, "plannedLocalSpendPence": 50,
                 "plannedRespend": {"percent": 10, "pence": 5}}"""), "plannedRespend");
        assertProblem(send("POST", "/projects", lead, null, """
                {"name": "Income as words", "incomePence": "a lot", "plannedLocalSpendPence": 50,
                 "plannedRespend": {"pence": 5}}"""), "incomePence");
        assertThat(storedEvents()).isEqualTo(before);

        String projectId = JSON.readTree(send("POST", "/projects", lead, null, """
                {"name": "Arts week", "incomePence": 500000, "plannedLocalSpendPence": 100000,
                 "plannedRespend": {"pence": 0}}""").body()).get("projectId").asText();
        long afterStart = storedEvents();
        assertProblem(send("POST", "/projects/" + projectId + "/spend", worker, null, """
                {"supplier": "Paint shop", "amountPence": 0, "local": true}"""), "amountPence");
        assertProblem(send("POST", "/projects/" + projectId + "/spend", worker, null, """
                {"supplier": "Paint shop", "amountPence": 100}"""), "local");
        assertProblem(send("PUT", "/projects/" + projectId + "/respend", worker, null, "{}"), "percent");
        assertThat(storedEvents()).isEqualTo(afterStart);

        HttpResponse<String> unsurveyed = send("POST", "/projects/" + projectId + "/completion", lead, null, null);
        assertThat(unsurveyed.statusCode()).isEqualTo(409);
        assertThat(send("GET", "/projects/no-such-project", worker, null, null).statusCode()).isEqualTo(404);
    }

    private void spend(String projectId, String supplier, long pence, boolean local) throws Exception {
        HttpResponse<String> recorded = send("POST", "/projects/" + projectId + "/spend", worker, null,
                "{\"supplier\": \"" + supplier + "\", \"amountPence\": " + pence + ", \"local\": " + local + "}");
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
    }
}
