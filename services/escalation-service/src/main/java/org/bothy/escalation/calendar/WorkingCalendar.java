package org.bothy.escalation.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * The days statutory bodies work, as the consortium agrees them: working weekdays, a time zone, and the
 * public holidays (from YAML, so a new year's holidays are a data change). Deadlines count these days.
 */
public final class WorkingCalendar {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final ZoneId zone;
    private final Set<DayOfWeek> workingDays;
    private final Set<LocalDate> holidays;

    public WorkingCalendar(ZoneId zone, Set<DayOfWeek> workingDays, Set<LocalDate> holidays) {
        if (workingDays.isEmpty()) {
            throw new IllegalArgumentException("a calendar needs at least one working day of the week");
        }
        this.zone = zone;
        this.workingDays = Set.copyOf(workingDays);
        this.holidays = Set.copyOf(holidays);
    }

    /**
     * Reads a calendar: {@code zone}, {@code workingDays} (e.g. MONDAY..FRIDAY as a list) and {@code holidays}
     * (a list of {@code {date, name}}). A malformed file is refused with the reason.
     */
    public static WorkingCalendar read(InputStream yaml) {
        try {
            JsonNode root = YAML.readTree(yaml);
            if (root == null || !root.isObject()) {
                throw new IllegalArgumentException("the calendar file is empty or not a mapping");
            }
            ZoneId zone = ZoneId.of(root.path("zone").asText("Europe/London"));
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            root.path("workingDays").forEach(day -> days.add(DayOfWeek.valueOf(day.asText().trim().toUpperCase())));
            if (days.isEmpty()) {
                days.addAll(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
            }
            Set<LocalDate> holidays = new HashSet<>();
            root.path("holidays").forEach(holiday -> holidays.add(LocalDate.parse(holiday.path("date").asText())));
            return new WorkingCalendar(zone, days, holidays);
        } catch (IOException | DateTimeException e) {
            throw new IllegalArgumentException("the calendar file is not valid: " + e.getMessage(), e);
        }
    }

    /** The zone the calendar's days begin and end in. */
    public ZoneId zone() {
        return zone;
    }

    /** Whether {@code day} is a working day. */
    public boolean isWorkingDay(LocalDate day) {
        return workingDays.contains(day.getDayOfWeek()) && !holidays.contains(day);
    }

    /** The day {@code count} working days after {@code from} (from itself does not count). */
    public LocalDate plusWorkingDays(LocalDate from, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
        LocalDate day = from;
        int counted = 0;
        while (counted < count) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }
}
