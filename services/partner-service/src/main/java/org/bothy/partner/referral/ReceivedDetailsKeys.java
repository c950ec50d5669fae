package org.bothy.partner.referral;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.bothy.partner.person.DetailsCipher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code referral_key} table: one key per referral received. The envelope sealed for this organisation, and the
 * referrer's reason, are sealed again under it before they enter the event store, and answering the referral destroys
 * the key: the store keeps a received referral for ever, but what it said of the person is readable only while it
 * waits (the inbox keeps the reason, until the person is erased here).
 */
@Component
public class ReceivedDetailsKeys {

    private final DetailsCipher cipher = new DetailsCipher();
    private final JdbcTemplate jdbc;

    public ReceivedDetailsKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code text} (the envelope's JSON, or the reason) sealed under the referral's own key, made now if none yet. */
    public String seal(String referralId, String text) {
        jdbc.update("insert into referral_key (referral_id, key_bytes) values (?, ?) on conflict (referral_id) do nothing",
                referralId, cipher.newKey());
        byte[] key = find(referralId).orElseThrow();
        return cipher.seal(key, referralId, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The text sealed under the referral's key, or empty once the referral was answered (its key is gone). */
    public Optional<String> open(String referralId, String sealed) {
        return find(referralId).map(key -> new String(cipher.open(key, referralId, sealed), StandardCharsets.UTF_8));
    }

    /** Destroys the referral's key. */
    public void destroy(String referralId) {
        jdbc.update("delete from referral_key where referral_id = ?", referralId);
    }

    private Optional<byte[]> find(String referralId) {
        List<byte[]> keys = jdbc.query("select key_bytes from referral_key where referral_id = ?",
                (row, n) -> row.getBytes(1), referralId);
        return keys.stream().findFirst();
    }
}
