package org.bothy.partner.referral;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import org.bothy.kernel.contract.ContractJson;

/** Who the person is, as sealed for the receiving partner: what it needs to register them and reach them. */
public record ReferredPerson(String fullName, LocalDate dateOfBirth, String phone, String email, String address) {

    private static final ObjectMapper JSON = ContractJson.mapper();

    /** The bytes to seal. */
    byte[] toBytes() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException("referred person not writable", e);
        }
    }

    /** The person read back from opened bytes. */
    static ReferredPerson fromBytes(byte[] bytes) {
        try {
            return JSON.readValue(bytes, ReferredPerson.class);
        } catch (IOException e) {
            throw new ReferralSeal.SealUnreadable("the opened details are not a referred person");
        }
    }

    @Override
    public String toString() {
        // personal data: nothing that prints this record may show who the person is
        return "ReferredPerson[hidden]";
    }
}
