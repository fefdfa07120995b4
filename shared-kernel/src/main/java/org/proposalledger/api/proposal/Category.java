package org.proposalledger.api.proposal;

/** Subject category of a suggestion, as congress offices file them. */
public enum Category {
    ECONOMY("经济发展"),
    AGRICULTURE("农业农村"),
    URBAN_CONSTRUCTION("城乡建设"),
    EDUCATION_SCIENCE_CULTURE_HEALTH("教科文卫"),
    SOCIAL_WELFARE("社会民生"),
    ENVIRONMENT("生态环境"),
    GOVERNANCE("政法综合"),
    /** The source (an imported published report) files no category; only an import may use it. */
    NOT_STATED("未注明");

    private final String label;

    Category(String label) {
        this.label = label;
    }

    /** The categories a deputy can file under: every one but {@link #NOT_STATED}. */
    public static Category[] filed() {
        return java.util.Arrays.stream(values()).filter(c -> c != NOT_STATED).toArray(Category[]::new);
    }

    public String label() {
        return label;
    }
}
