package org.bothy.kernel.cloudevents;

import java.time.Year;

/**
 * Whether a ce_time value is plainly valid, judged from its bytes: {@code yyyy-MM-ddTHH:mm:ss}, an optional fraction of
 * 1 to 9 digits and {@code Z}, every field in range, as a publisher writes it. Every value it accepts
 * {@code OffsetDateTime.parse} accepts too; it does not accept every value that does (other offsets, no seconds, lower
 * case), which are left to that parser.
 */
final class PlainTime {

    private static final int[] DAYS_IN_MONTH = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private PlainTime() {
    }

    static boolean valid(byte[] value) {
        int length = value.length;
        // 20 bytes without a fraction; with one, a point and 1 to 9 digits more.
        if (length != 20 && (length < 22 || length > 30)) {
            return false;
        }
        if (value[4] != '-' || value[7] != '-' || value[10] != 'T' || value[13] != ':' || value[16] != ':'
                || value[length - 1] != 'Z') {
            return false;
        }
        if (length > 20) {
            if (value[19] != '.') {
                return false;
            }
            for (int i = 20; i < length - 1; i++) {
                if (value[i] < '0' || value[i] > '9') {
                    return false;
                }
            }
        }
        int year = number(value, 0, 4);
        int month = number(value, 5, 2);
        int day = number(value, 8, 2);
        int hour = number(value, 11, 2);
        int minute = number(value, 14, 2);
        int second = number(value, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) {
            return false;
        }
        int days = month == 2 && Year.isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1];
        return day <= days;
    }

    /** The decimal number in {@code digits} bytes from {@code from}, or -1 if one of them is not a digit. */
    private static int number(byte[] value, int from, int digits) {
        int number = 0;
        for (int i = from; i < from + digits; i++) {
            byte b = value[i];
            if (b < '0' || b > '9') {
                return -1;
            }
            number = number * 10 + (b - '0');
        }
        return number;
    }
}
