package org.bothy.escalation.pack;

import java.util.UUID;
import org.bothy.support.security.BothyPrincipal;
import org.bothy.support.web.NotFound;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** An escalation's evidence pack as a printable page, as JSON and as PDF, for place leads and the body it was sent to. */
@RestController
public class PackController {

    private final EvidencePacks packs;

    public PackController(EvidencePacks packs) {
        this.packs = packs;
    }

    @GetMapping(value = "/escalations/{escalationId}/pack", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> page(@PathVariable UUID escalationId) {
        EvidencePack pack = readable(escalationId);
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Security-Policy", PackPage.CONTENT_SECURITY_POLICY)
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(PackPage.render(pack, true));
    }

    @GetMapping(value = "/escalations/{escalationId}/pack.json", produces = MediaType.APPLICATION_JSON_VALUE)
    public EvidencePack json(@PathVariable UUID escalationId) {
        return readable(escalationId);
    }

    @GetMapping(value = "/escalations/{escalationId}/pack.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    public ResponseEntity<byte[]> pdf(@PathVariable UUID escalationId) {
        EvidencePack pack = readable(escalationId);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("evidence-pack-" + escalationId + ".pdf").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(PackPdf.render(pack));
    }

    private EvidencePack readable(UUID escalationId) {
        String body = packs.bodyOf(escalationId).orElseThrow(() -> new NotFound("no escalation " + escalationId));
        PackAccess.requireMayRead(BothyPrincipal.current(), body);
        return packs.find(escalationId).orElseThrow(() -> new NotFound("no escalation " + escalationId));
    }
}
