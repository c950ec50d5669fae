package org.bothy.escalation.pack;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** The evidence pack printed to PDF by openhtmltopdf from the same XHTML as the page (the table stands in for the SVG). */
final class PackPdf {

    private PackPdf() {
    }

    /** The PDF of {@code pack}. */
    static byte[] render(EvidencePack pack) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(PackPage.render(pack, false), null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot print the evidence pack of " + pack.escalationId(), e);
        }
    }
}
