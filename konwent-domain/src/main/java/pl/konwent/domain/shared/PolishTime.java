package pl.konwent.domain.shared;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Dates and calendar years as the konwents live them: in Poland's time zone. */
public final class PolishTime {
    public static final ZoneId ZONE = ZoneId.of("Europe/Warsaw");

    private PolishTime() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    public static int year(Clock clock) {
        return today(clock).getYear();
    }
}
