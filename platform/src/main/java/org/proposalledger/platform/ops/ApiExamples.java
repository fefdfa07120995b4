package org.proposalledger.platform.ops;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.OpenApiCustomizer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Examples for the OpenAPI document, in the language of the data: request bodies by operation,
 * parameters by name. Kept in one place (rather than as annotations on each side's request
 * records) so the API's example story — one suggestion, 关于加快我市农村电商发展的建议, from
 * submission to closure — reads as a whole and matches the README's walk-through. An operation the
 * running side does not serve is simply absent from its document and skipped here.
 */
class ApiExamples implements OpenApiCustomizer {

    static final String TITLE = "关于加快我市农村电商发展的建议";

    static final String REPORT = """
            吕梁市第四届人民代表大会第一次会议重点建议及办理情况
            前言
            市四届人大一次会议期间，代表们提出建议213件。
            关于加快我市农村电商发展的建议
            建议者：朱和平 高永红等
            我市农村电商起步较晚，物流配送体系不健全。
            建议：一是完善县乡村三级物流体系。二是加强电商人才培训。
            办理情况
            已建成县级物流配送中心13个，培训电商人才2000余人次。
            市商务局
            """;

    /** "METHOD path" → request body example */
    static final Map<String, Object> BODIES = bodies();

    /** "METHOD path" → example of the 200 answer */
    static final Map<String, Object> ANSWERS = Map.of("GET /api/v1/proposals/{id}", ordered(
            "id", "0190f3a2-6b1c-7d4e-9a55-3c2f1e0d9b87",
            "sessionId", "lvliang-5-2",
            "number", "第0001号",
            "title", TITLE,
            "proposers", List.of("zhu-heping", "gao-yonghong"),
            "andOthers", true,
            "category", "ECONOMY",
            "background", "我市农村电商起步较晚，物流配送体系不健全，电商人才缺乏。",
            "suggestions", List.of("一是完善县乡村三级物流体系。", "二是加强电商人才培训。"),
            "status", "REPLIED",
            "leadUnitId", "commerce",
            "coUnitIds", List.of("education"),
            "assignedOn", "2022-03-01",
            "dueOn", "2022-06-01",
            "overdue", false,
            "replies", List.of(ordered("round", 1, "unitId", "commerce", "classification", "A",
                    "text", "已完成县乡村三级物流体系建设，培训电商人才2000余人次。", "signedBy", "王局长",
                    "repliedOn", "2022-05-20", "dueOn", "2022-06-01", "late", false))));

    /** parameter name → example */
    static final Map<String, Object> PARAMETERS = Map.ofEntries(
            Map.entry("sessionId", "lvliang-5-2"),
            Map.entry("unitId", "commerce"),
            Map.entry("deputyId", "zhu-heping"),
            Map.entry("category", "ECONOMY"),
            Map.entry("status", "ASSIGNED"),
            Map.entry("q", "农村电商"),
            Map.entry("limit", 20),
            Map.entry("asOf", "2022-06-30"),
            Map.entry("from", "2022-01-01"),
            Map.entry("to", "2022-06-30"),
            Map.entry("sortBy", "satisfactionRate"),
            Map.entry("minSample", 5));

    private static Map<String, Object> bodies() {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("PUT /api/v1/sessions/{id}", Map.of("name", "吕梁市第五届人民代表大会第二次会议", "opensOn", "2022-01-05"));
        b.put("PUT /api/v1/units/{id}", Map.of("name", "市商务局", "kind", "DEPARTMENT"));
        b.put("PUT /api/v1/deputies/{id}", Map.of("name", "朱和平", "delegation", "离石区代表团"));
        b.put("PUT /api/v1/sessions/{id}/deadline-rules", ordered("replyMonths", 3, "extensionLimitMonths", 6,
                "returnWorkingDays", 7, "coOpinionMonths", 1, "rehandlingMonths", 1, "reminderWorkingDays", 5));
        b.put("POST /api/v1/proposals", ordered(
                "sessionId", "lvliang-5-2",
                "title", TITLE,
                "proposerIds", List.of("zhu-heping", "gao-yonghong"),
                "andOthers", true,
                "category", "ECONOMY",
                "background", "我市农村电商起步较晚，物流配送体系不健全，电商人才缺乏。",
                "suggestions", List.of("一是完善县乡村三级物流体系。", "二是加强电商人才培训。")));
        b.put("POST /api/v1/proposals/{id}/registration", Map.of("number", "第0001号"));
        b.put("POST /api/v1/proposals/{id}/rejection", Map.of("reason", "所提事项属于个人诉求，不作为代表建议办理。"));
        b.put("POST /api/v1/proposals/{id}/key-designation", Map.of("supervisingLeader", "李副市长"));
        b.put("POST /api/v1/proposals/{id}/assignment", Map.of("leadUnitId", "commerce", "coUnitIds",
                List.of("education")));
        b.put("POST /api/v1/proposals/{id}/assignment-return", Map.of("reason", "该建议不属于本单位职责，请改交市农业农村局。"));
        b.put("POST /api/v1/proposals/{id}/reassignment", Map.of("leadUnitId", "agriculture", "coUnitIds",
                List.of("commerce")));
        b.put("POST /api/v1/proposals/{id}/deadline-extension", Map.of("newDueOn", "2022-07-15", "approvedBy",
                "市人大常委会选举任免联络工作委员会"));
        b.put("POST /api/v1/proposals/{id}/co-opinions", Map.of("text", "同意主办单位意见，我局将配合开展电商人才培训。"));
        b.put("POST /api/v1/proposals/{id}/consultations", ordered("heldOn", "2022-03-10", "mode", "IN_PERSON",
                "participants", List.of("朱和平", "高永红"), "notes", "当面沟通办理思路，代表同意分两年实施。"));
        b.put("POST /api/v1/proposals/{id}/replies", ordered("classification", "A", "text",
                "已完成县乡村三级物流体系建设，培训电商人才2000余人次。", "signedBy", "王局长"));
        b.put("POST /api/v1/proposals/{id}/ratings", Map.of("rating", "SATISFIED", "comment", "满意，办理扎实有效。"));
        b.put("POST /api/v1/proposals/{id}/rehandling", Map.of("dueOn", "2022-08-31", "reason", "代表对答复不满意，责成重新办理。"));
        b.put("POST /api/v1/proposals/{id}/follow-ups", Map.of("text", "物流配送中心二期工程已开工，预计年底建成。"));
        b.put("POST /api/v1/proposals/{id}/closure", Map.of("decision", "代表满意，予以办结。"));
        b.put("POST /api/v1/proposals/{id}/withdrawal", Map.of("reason", "所提问题已在会后解决，申请撤回。"));
        b.put("POST /api/v1/imports", REPORT);
        return Map.copyOf(b);
    }

    private static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            Object body = BODIES.get(method + " " + path);
            if (body != null && operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                operation.getRequestBody().getContent().values().forEach(media -> media.setExample(body));
            }
            parameters(operation);
            Object answer = ANSWERS.get(method + " " + path);
            if (answer != null && operation.getResponses() != null && operation.getResponses().get("200") != null
                    && operation.getResponses().get("200").getContent() != null) {
                operation.getResponses().get("200").getContent().values().forEach(media -> media.setExample(answer));
            }
        }));
    }

    private static void parameters(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter p : operation.getParameters()) {
            Object example = PARAMETERS.get(p.getName());
            if (example != null && p.getExample() == null) {
                p.setExample(example);
            }
        }
    }
}
