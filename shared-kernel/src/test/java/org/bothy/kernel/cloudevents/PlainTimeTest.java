package org.bothy.kernel.cloudevents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** PlainTime vouches only for times that OffsetDateTime.parse (the SDK's parser) accepts, and for every time a publisher writes. */
class PlainTimeTest {

    private static final String DIGITS_AND_SIGNS = "0123456789-:T.Zz+ x";

    @Test
    void vouchesForEveryTimeAPublisherWrites() {
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            // Any instant of years 0000-9999, to the second or with a fraction, formatted as the SDK writes ce_time.
            long seconds = random.nextLong(-62_167_219_200L, 253_402_300_800L);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            String written = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(Instant.ofEpochSecond(seconds, nanos).atOffset(ZoneOffset.UTC));

            assertThat(PlainTime.valid(bytes(written))).as(written).isTrue();
        }
    }

    @Test
    void vouchesForNothingTheParserRefuses() {
        Random random = new Random(12);
        int vouched = 0;
        int refusedByParser = 0;
        for (int i = 0; i < 200_000; i++) {
            char[] time = "2024-02-29T23:59:59.123456789Z".substring(0, random.nextBoolean() ? 20 : 21 + random.nextInt(10))
                    .toCharArray();
            time[time.length - 1] = 'Z';
            if (time.length > 20) {
                time[19] = '.';
            }
            // Change one to three characters to a digit or a separator: near misses of the plain form.
            for (int change = 1 + random.nextInt(3); change > 0; change--) {
                time[random.nextInt(time.length)] = DIGITS_AND_SIGNS.charAt(random.nextInt(DIGITS_AND_SIGNS.length()));
            }
            String candidate = new String(time);
            boolean parses = parses(candidate);
            if (PlainTime.valid(bytes(candidate))) {
                vouched++;
                assertThat(parses).as("PlainTime vouched for %s, which OffsetDateTime.parse refuses", candidate).isTrue();
            }
            if (!parses) {
                refusedByParser++;
            }
        }
        // The near misses must have held both kinds, or the check above proved little.
        assertThat(vouched).isGreaterThan(10_000);
        assertThat(refusedByParser).isGreaterThan(10_000);
    }

    @Test
    void leavesOtherValidSpellingsToTheParser() {
        for (String other : new String[] {"2025-01-01T00:00Z", "2025-01-01t00:00:00z", "2025-01-01T01:00:00+01:00"}) {
            assertThat(parses(other)).isTrue();
            assertThat(PlainTime.valid(bytes(other))).as(other).isFalse();
        }
    }

    private static boolean parses(String time) {
        try {
            OffsetDateTime.parse(time);
            return true;
        } catch (DateTimeParseException refused) {
            return false;
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
