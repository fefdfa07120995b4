package org.proposalledger.platform.web;

import org.apache.coyote.Adapter;
import org.apache.coyote.Request;
import org.apache.coyote.Response;
import org.apache.tomcat.util.net.SocketEvent;

import java.nio.charset.StandardCharsets;

/**
 * Tomcat's connector answers {@code OPTIONS *} itself, before any valve runs, even when it has
 * already refused the request (a negative or doubled Content-Length, {@code Transfer-Encoding:
 * chunked, chunked}): a 400 without a body. Such a refused request is handed on with the target
 * {@code /} instead, which Tomcat maps no further once the request is in error, so
 * {@link ProblemReportValve} answers it like any other request Tomcat could not parse. A sound
 * {@code OPTIONS *} is left to Tomcat.
 */
final class AsteriskRequestAdapter implements Adapter {

    private static final byte[] ROOT = "/".getBytes(StandardCharsets.US_ASCII);

    private final Adapter tomcat;

    AsteriskRequestAdapter(Adapter tomcat) {
        this.tomcat = tomcat;
    }

    @Override
    public void service(Request req, Response res) throws Exception {
        if (res.isError() && req.requestURI().equals("*")) {
            req.requestURI().setBytes(ROOT, 0, ROOT.length);
        }
        tomcat.service(req, res);
    }

    @Override
    public boolean prepare(Request req, Response res) throws Exception {
        return tomcat.prepare(req, res);
    }

    @Override
    public boolean asyncDispatch(Request req, Response res, SocketEvent status) throws Exception {
        return tomcat.asyncDispatch(req, res, status);
    }

    @Override
    public void log(Request req, Response res, long time) {
        tomcat.log(req, res, time);
    }

    @Override
    public void checkRecycled(Request req, Response res) {
        tomcat.checkRecycled(req, res);
    }

    @Override
    public String getDomain() {
        return tomcat.getDomain();
    }
}
