package org.proposalledger.api.proposal;

/** The deputy's verdict on a reply. */
public enum Rating {
    SATISFIED("满意"),
    BASICALLY_SATISFIED("基本满意"),
    UNSATISFIED("不满意");

    private final String label;

    Rating(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Satisfied and basically satisfied both count towards the satisfaction rate. */
    public boolean isSatisfactory() {
        return this != UNSATISFIED;
    }
}
