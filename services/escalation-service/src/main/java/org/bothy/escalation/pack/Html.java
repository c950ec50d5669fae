package org.bothy.escalation.pack;

/** Escaping for text and attribute values written into HTML (and XHTML, which the PDF renderer parses). */
final class Html {

    private Html() {
    }

    /** {@code text} with the five characters that mean something in markup replaced by entities. */
    static String escape(Object text) {
        if (text == null) {
            return "";
        }
        String value = text.toString();
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
