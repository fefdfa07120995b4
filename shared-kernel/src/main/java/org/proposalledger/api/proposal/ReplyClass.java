package org.proposalledger.api.proposal;

/** The statutory classification of a written reply. */
public enum ReplyClass {
    /** 已解决或基本解决 */
    A("已解决或基本解决"),
    /** 正在解决 */
    B("正在解决"),
    /** 列入计划解决 */
    C("列入计划逐步解决"),
    /** 因条件限制暂不能解决，已作说明 */
    D("因条件限制暂不能解决"),
    /** The source (an imported published report) gives no classification; only an import may use it. */
    NOT_STATED("未注明");

    private final String label;

    ReplyClass(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** B and C replies promise further work, so the lead unit keeps reporting until solved. */
    public boolean needsFollowUp() {
        return this == B || this == C;
    }
}
