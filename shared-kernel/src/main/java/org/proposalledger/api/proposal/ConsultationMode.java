package org.proposalledger.api.proposal;

/** How a handling unit consulted the deputy (面商). */
public enum ConsultationMode {
    IN_PERSON("当面沟通"),
    MEETING("座谈会"),
    VISIT("走访调研"),
    PHONE("电话沟通");

    private final String label;

    ConsultationMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
