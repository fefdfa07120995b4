package org.proposalledger.standalone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Reference data and bodies the end-to-end tests share (public: the tools module's tests use it too). */
public final class LedgerTestSupport {

    public static final String SESSION = "lvliang-5-2";

    private LedgerTestSupport() {
    }

    public static Path freshDataDir() {
        try {
            return Files.createTempDirectory("ledger-e2e-");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The session, two units and two deputies the demo accounts act for. */
    public static void referenceData(Api api) {
        expect(api.put("office", "/api/v1/sessions/" + SESSION,
                Map.of("name", "吕梁市第五届人民代表大会第二次会议", "opensOn", "2022-01-05")), 200);
        expect(api.put("office", "/api/v1/units/commerce", Map.of("name", "市商务局", "kind", "DEPARTMENT")), 200);
        expect(api.put("office", "/api/v1/units/education", Map.of("name", "市教育局", "kind", "DEPARTMENT")), 200);
        expect(api.put("office", "/api/v1/units/xiaoyi", Map.of("name", "孝义市人民政府", "kind", "COUNTY")), 200);
        expect(api.put("office", "/api/v1/deputies/zhu-heping", Map.of("name", "朱和平", "delegation", "离石区代表团")), 200);
        expect(api.put("office", "/api/v1/deputies/gao-yonghong", Map.of("name", "高永红", "delegation", "孝义市代表团")),
                200);
    }

    public static Map<String, Object> submission() {
        return Map.of(
                "sessionId", SESSION,
                "title", "关于加快我市农村电商发展的建议",
                "proposerIds", List.of("zhu-heping", "gao-yonghong"),
                "andOthers", true,
                "category", "ECONOMY",
                "background", "我市农村电商起步较晚，物流配送体系不健全。",
                "suggestions", List.of("一是完善县乡村三级物流体系。", "二是加强电商人才培训。"));
    }

    public static String submit(Api api) {
        Api.Response r = api.post("deputy-zhu", "/api/v1/proposals", submission());
        expect(r, 201);
        return r.json().get("id").asText();
    }

    public static Api.Response expect(Api.Response r, int status) {
        if (r.status() != status) {
            throw new AssertionError("expected " + status + " but got " + r.status() + ": " + r.body());
        }
        return r;
    }
}
