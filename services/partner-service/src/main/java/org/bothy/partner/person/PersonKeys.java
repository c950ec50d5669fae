package org.bothy.partner.person;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code person_key} table: one key per person, in this organisation's own database. Deleting a row is
 * erasure: whatever was sealed under it is from then on noise.
 */
@Component
public class PersonKeys {

    private final JdbcTemplate jdbc;

    public PersonKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores {@code key} as the person's own. */
    public void store(String personId, byte[] key) {
        jdbc.update("insert into person_key (person_id, key_bytes) values (?, ?)", personId, key);
    }

    /** The person's key, or empty once they are erased. */
    public Optional<byte[]> find(String personId) {
        List<byte[]> keys = jdbc.query("select key_bytes from person_key where person_id = ?",
                (row, n) -> row.getBytes(1), personId);
        return keys.stream().findFirst();
    }

    /** Destroys the person's key. */
    public void destroy(String personId) {
        jdbc.update("delete from person_key where person_id = ?", personId);
    }
}
