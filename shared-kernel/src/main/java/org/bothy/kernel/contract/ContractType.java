package org.bothy.kernel.contract;

import java.net.URI;
import java.util.Objects;

/**
 * One version of one contract: its CloudEvents type, schema, example and the record it is read into.
 *
 * @param family     the contract family: {@code learning}, {@code evidence}, {@code escalation}
 * @param name       the contract's name, e.g. {@code BarrierObserved}
 * @param version    the version number, from 1
 * @param recordType the record this version is read into (the current record, also for older versions)
 * @param reader     how a payload of this version becomes that record
 */
public record ContractType(
        String family,
        String name,
        int version,
        Class<? extends ContractEvent> recordType,
        ContractReader reader) {

    private static final String SCHEMA_BASE = "https://schemas.bothy.org/contracts/";

    public ContractType {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(reader, "reader");
        if (version < 1) {
            throw new IllegalArgumentException("contract version must be 1 or more, was " + version);
        }
    }

    /** The ce_type, e.g. {@code org.bothy.learning.BarrierObserved.v1}. */
    public String ceType() {
        return "org.bothy." + family + "." + name + ".v" + version;
    }

    /** The dataschema URI, e.g. {@code https://schemas.bothy.org/contracts/learning/BarrierObserved.v1.schema.json}. */
    public URI dataSchema() {
        return URI.create(SCHEMA_BASE + fileStem() + ".schema.json");
    }

    /** The classpath resource of the JSON Schema. */
    public String schemaResource() {
        return "contracts/" + fileStem() + ".schema.json";
    }

    /** The classpath resource of an example payload that validates against the schema. */
    public String exampleResource() {
        return "contracts/" + fileStem() + ".example.json";
    }

    private String fileStem() {
        return family + "/" + name + ".v" + version;
    }
}
