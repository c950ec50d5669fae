package org.bothy.partner.spend;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.bothy.support.web.Conflict;
import org.bothy.support.web.InvalidField;
import org.bothy.support.web.NotFound;
import org.springframework.stereotype.Component;

/**
 * Says in HTTP terms why a project refused a command: a figure LM3 cannot use is 400 against its field, a finished
 * project or one not yet surveyed is 409, an unknown project 404.
 */
@Component
public class ProjectRefusals {

    /** Runs {@code dispatch}, translating the project's refusals. */
    public void translate(String projectId, Runnable dispatch) {
        try {
            dispatch.run();
        } catch (AggregateNotFoundException e) {
            throw noSuchProject(projectId);
        } catch (InvalidSpendFigure e) {
            throw new InvalidField(e.field(), e.reason());
        } catch (ProjectIsFinished | NoRespendSurvey | RespendAboveLocalSpend e) {
            throw new Conflict(e.getMessage());
        }
    }

    /** The answer when no project has this id. */
    public NotFound noSuchProject(String projectId) {
        return new NotFound("no project " + projectId);
    }
}
