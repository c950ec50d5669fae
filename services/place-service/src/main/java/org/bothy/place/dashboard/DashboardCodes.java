package org.bothy.place.dashboard;

import org.bothy.kernel.codes.Codes;
import org.bothy.kernel.codes.Level;
import org.bothy.kernel.codes.Organisation;
import org.bothy.kernel.codes.Owner;
import org.bothy.kernel.codes.SystemActor;
import org.bothy.kernel.codes.Theme;

import java.util.List;

/** The consortium's code lists as the dashboard needs them: labels for axes, filters and legends. */
public record DashboardCodes(String version, List<Organisation> organisations, List<Theme> themes,
                             List<SystemActor> systemActors, List<Level> levels, List<Owner> owners) {

    /** The code lists of {@code codes}. */
    public static DashboardCodes of(Codes codes) {
        return new DashboardCodes(codes.version(), codes.organisations(), codes.themes(), codes.systemActors(),
                codes.levels(), codes.owners());
    }
}
