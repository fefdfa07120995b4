package org.proposalledger.api.reference;

/** Handling units are city departments or county governments. */
public enum UnitKind {
    DEPARTMENT("市直部门"),
    COUNTY("县（市、区）人民政府");

    private final String label;

    UnitKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
