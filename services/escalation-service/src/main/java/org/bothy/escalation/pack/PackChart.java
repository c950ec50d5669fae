package org.bothy.escalation.pack;

import java.util.List;
import java.util.Locale;

/**
 * The trend as an inline SVG bar chart: people who met the pattern in each window. A suppressed window is drawn as a
 * hatched stub labelled with the suppression mark, never at a height that would give its number away.
 */
final class PackChart {

    private static final int WIDTH = 480;
    private static final int HEIGHT = 220;
    private static final int TOP = 24;
    private static final int BOTTOM = 40;
    private static final int LEFT = 16;
    private static final int STUB = 10;

    private PackChart() {
    }

    /** The chart's markup, or a sentence saying there is no trend to draw. */
    static String svg(List<EvidencePack.TrendPoint> trend) {
        if (trend.isEmpty()) {
            return "<p class=\"muted\">No evidence signal has been stored for this pattern yet.</p>";
        }
        int largest = trend.stream().map(EvidencePack.TrendPoint::peopleCount)
                .filter(count -> count != null).mapToInt(Integer::intValue).max().orElse(1);
        int plot = HEIGHT - TOP - BOTTOM;
        int slot = (WIDTH - 2 * LEFT) / trend.size();
        int barWidth = Math.min(90, slot - 24);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"trend-chart\" class=\"chart\""
                + " viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-labelledby=\"trend-title\">",
                WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append("<title id=\"trend-title\">People who met this barrier, by window of days</title>");
        svg.append("<defs><pattern id=\"suppressed\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\""
                + " patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#ffffff\"/>"
                + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#5b6770\" stroke-width=\"3\"/></pattern></defs>");
        int baseline = TOP + plot;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#1d2a33\"/>",
                LEFT, baseline, WIDTH - LEFT, baseline));
        for (int i = 0; i < trend.size(); i++) {
            EvidencePack.TrendPoint point = trend.get(i);
            int x = LEFT + i * slot + (slot - barWidth) / 2;
            boolean suppressed = point.peopleCount() == null;
            int height = suppressed ? STUB : Math.max(1, Math.round((float) point.peopleCount() * plot / largest));
            int y = baseline - height;
            svg.append(String.format(Locale.ROOT, "<g class=\"bar\" data-days=\"%d\" data-people=\"%s\">",
                    point.days(), Html.escape(point.people())));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\""
                    + " stroke=\"#1d2a33\"/>", x, y, barWidth, height, suppressed ? "url(#suppressed)" : "#2f6f8f"));
            svg.append(String.format(Locale.ROOT, "<text class=\"value\" x=\"%d\" y=\"%d\" text-anchor=\"middle\""
                    + " font-size=\"14\" fill=\"#1d2a33\">%s</text>", x + barWidth / 2, y - 6, Html.escape(point.people())));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"12\""
                    + " fill=\"#1d2a33\">last %d days</text>", x + barWidth / 2, baseline + 18, point.days()));
            svg.append("</g>");
        }
        svg.append("</svg>");
        return svg.toString();
    }
}
