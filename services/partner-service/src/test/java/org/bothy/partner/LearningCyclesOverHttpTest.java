package org.bothy.partner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.bothy.kernel.contract.learning.LearningCyclePublished;
import org.bothy.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Learning cycles over HTTP: started at a scale, learning kept in the organisation until it is marked for other
 * scales, then published as {@code LearningCyclePublished} with every later change to what it shares; governing
 * reviews dated; bad fields named.
 */
class LearningCyclesOverHttpTest extends OrganisationLearningOverHttp {

    @DynamicPropertySource
    static void realInfrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "partner_learning_cycles_test");
    }

    @Test
    void learningMarkedForOtherScalesIsPublishedAndSoIsALaterConnection() throws Exception {
        HttpResponse<String> started = send("POST", "/learning-cycles", lead, null, """
                {"scale": "team",
                 "plan": {"purpose": "Keep young people in college through the first term",
                          "question": "What happens if a DSW walks with them to the first three classes?",
                          "actions": ["Walk to the first three classes"], "data": ["attendance"],
                          "senseMaking": "Friday huddle", "safeToFail": "Only when asked",
                          "countermeasures": "Stop if they feel watched"},
                 "managing": {"time": "Autumn term", "connections": ["cycle-consortium-education"]}}""");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        String cycleId = JSON.readTree(started.body()).get("cycleId").asText();

        HttpResponse<String> here = send("PUT", "/learning-cycles/" + cycleId + "/learning", worker, null, """
                {"patterns": "Dropping out starts with the bus fare",
                 "learningForThisScale": "Meet at the bus stop"}""");
        assertThat(here.statusCode()).as(here.body()).isEqualTo(200);
        assertThat(JSON.readTree(here.body()).get("sharedRevision").asLong()).isZero();

        HttpResponse<String> shared = send("PUT", "/learning-cycles/" + cycleId + "/learning", worker, null, """
                {"patterns": "Dropping out starts with the bus fare",
                 "learningForThisScale": "Meet at the bus stop",
                 "learningForOtherScales": "Travel costs, not motivation, decide the first term",
                 "influencing": "The travel grant must be paid before term", "forOtherScales": true}""");
        assertThat(JSON.readTree(shared.body()).get("sharedRevision").asLong()).isEqualTo(1);

        assertThat(send("PUT", "/learning-cycles/" + cycleId + "/managing", lead, null, """
                {"time": "Autumn term", "connections": ["cycle-consortium-education", "cycle-place-transport"]}""")
                .statusCode()).isEqualTo(200);

        List<LearningCyclePublished> published = published(cycleId, LearningCyclePublished.class, 2,
                LearningCyclePublished::revision);
        assertThat(published).extracting(LearningCyclePublished::revision).containsExactly(1, 2);
        LearningCyclePublished latest = published.get(1);
        assertThat(latest.scale()).isEqualTo("team");
        assertThat(latest.organisation()).isEqualTo(ORGANISATION);
        assertThat(latest.question()).startsWith("What happens if a DSW walks");
        assertThat(latest.patterns()).isEqualTo("Dropping out starts with the bus fare");
        assertThat(latest.learningForOtherScales()).contains("Travel costs");
        assertThat(latest.connectedCycleIds()).containsExactly("cycle-consortium-education",
                "cycle-place-transport");

        HttpResponse<String> reviewed = send("POST", "/learning-cycles/" + cycleId + "/reviews", lead, null, """
                {"reviewedOn": "2026-11-20", "lessonsLearnt": "Yes", "practiceChanging": "Partly",
                 "whoIsIncluded": "Young people join the huddle"}""");
        assertThat(reviewed.statusCode()).isEqualTo(201);
        JsonNode cycle = JSON.readTree(send("GET", "/learning-cycles/" + cycleId, worker, null, null).body());
        assertThat(cycle.get("reviews").get(0).get("reviewedOn").asText()).isEqualTo("2026-11-20");
        assertThat(cycle.get("learning").get("learningForThisScale").asText()).isEqualTo("Meet at the bus stop");
        assertThat(cycle.get("managing").get("connections")).hasSize(2);

        JsonNode listed = JSON.readTree(send("GET", "/learning-cycles?size=100", worker, null, null).body());
        assertThat(listed.get("items").findValuesAsText("cycleId")).contains(cycleId);
    }

    @Test
    void aCycleWhoseLearningStaysAtItsScaleIsNotPublished() throws Exception {
        String cycleId = JSON.readTree(send("POST", "/learning-cycles", worker, null, """
                {"scale": "person", "plan": {"question": "Does a morning call help her keep appointments?"}}""")
                .body()).get("cycleId").asText();
        assertThat(send("PUT", "/learning-cycles/" + cycleId + "/learning", worker, null, """
                {"patterns": "Mornings are hard", "learningForThisScale": "Call at ten, not nine"}""").statusCode())
                .isEqualTo(200);
        // a cycle started after it and shared arrives; by then this one would have too
        String later = JSON.readTree(send("POST", "/learning-cycles", worker, null, """
                {"scale": "person", "plan": {"question": "A later question"}}""").body()).get("cycleId").asText();
        send("PUT", "/learning-cycles/" + later + "/learning", worker, null, """
                {"patterns": "p", "learningForOtherScales": "l", "forOtherScales": true}""");
        assertThat(published(later, LearningCyclePublished.class, 1, LearningCyclePublished::revision)).hasSize(1);
        assertThat(published(cycleId, LearningCyclePublished.class, 0, LearningCyclePublished::revision)).isEmpty();
    }

    @Test
    void badFieldsAreNamedAndNothingIsStored() throws Exception {
        long before = storedEvents();
        assertProblem(send("POST", "/learning-cycles", worker, null, """
                {"scale": "galaxy", "plan": {"question": "Why?"}}"""), "scale");
        JsonNode problem = assertProblem(send("POST", "/learning-cycles", worker, null, """
                {"scale": "team", "plan": {"question": " "}, "managing": {"connections": ["not an id!"]}}"""),
                "plan.question");
        assertThat(fields(problem)).contains("managing.connections[0]");
        assertThat(storedEvents()).isEqualTo(before);

        String cycleId = JSON.readTree(send("POST", "/learning-cycles", worker, null, """
                {"scale": "organisation", "plan": {"question": "Why do referrals stall?"}}""").body())
                .get("cycleId").asText();
        long afterStart = storedEvents();
        assertProblem(send("PUT", "/learning-cycles/" + cycleId + "/learning", worker, null, """
                {"patterns": "Stalls at the GP", "forOtherScales": true}"""), "learningForOtherScales");
        assertProblem(send("PUT", "/learning-cycles/" + cycleId + "/managing", worker, null,
                "{\"connections\": [\"" + cycleId + "\"]}"), "connections");
        assertProblem(send("POST", "/learning-cycles/" + cycleId + "/reviews", worker, null, """
                {"reviewedOn": "20/11/2026"}"""), "reviewedOn");
        assertThat(storedEvents()).isEqualTo(afterStart);
        assertThat(send("GET", "/learning-cycles/no-such-cycle", worker, null, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/learning-cycles", org.bothy.testsupport.TestIdentity.worker("spartans"), null, null)
                .statusCode()).isEqualTo(403);
    }
}
