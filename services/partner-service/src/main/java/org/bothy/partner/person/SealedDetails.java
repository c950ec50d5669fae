package org.bothy.partner.person;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.bothy.support.axon.AxonSerializers;
import org.springframework.stereotype.Component;

/** Seals a person's details under their key for the event store, and opens them while the key exists. */
@Component
public class SealedDetails {

    private static final ObjectMapper JSON = AxonSerializers.objectMapper();

    private final DetailsCipher cipher = new DetailsCipher();
    private final PersonKeys keys;

    public SealedDetails(PersonKeys keys) {
        this.keys = keys;
    }

    /** Creates the person's key and returns their details sealed under it. */
    public String sealForNewPerson(String personId, IdentifyingDetails details) {
        byte[] key = cipher.newKey();
        keys.store(personId, key);
        try {
            return cipher.seal(key, personId, JSON.writeValueAsBytes(details));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a person's details", e);
        }
    }

    /** The person's details, or empty once their key is destroyed. */
    public Optional<IdentifyingDetails> open(String personId, String sealed) {
        return keys.find(personId).map(key -> {
            try {
                return JSON.readValue(cipher.open(key, personId, sealed), IdentifyingDetails.class);
            } catch (java.io.IOException e) {
                throw new DetailsUnreadable("sealed details are not a person's details");
            }
        });
    }
}
