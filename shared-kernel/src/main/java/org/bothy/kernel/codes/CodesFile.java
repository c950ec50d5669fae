package org.bothy.kernel.codes;

import java.util.List;

/** The shape of a code list YAML file, as read before it is checked. */
record CodesFile(
        String version,
        String consortium,
        List<Organisation> organisations,
        List<StatutoryBody> statutoryBodies,
        List<Theme> themes,
        List<SystemActor> systemActors,
        List<Level> levels,
        List<Owner> owners,
        List<IssueStatus> issueStatuses,
        List<Door> doors,
        List<ContactKind> contactKinds,
        List<SoftMeasureDimension> softMeasureDimensions,
        List<LearningCycleScale> learningCycleScales) {
}
