import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { newRequestScope, requestScope, sendScopeHeaders, setCookiesWithScope } from "./request-scope.js";

const refreshed = { name: "maillon_session", header: "maillon_session=a.b; Path=/; HttpOnly; SameSite=Lax; Max-Age=864000" };

describe("the Set-Cookie values of an answer", () => {
  it("add the refreshed session cookie after the route's own", () => {
    const scope = { ...newRequestScope(), sessionCookie: refreshed };
    expect(setCookiesWithScope(["maillon_flash=x; Path=/"], scope)).toEqual(["maillon_flash=x; Path=/", refreshed.header]);
  });

  it("leave alone an answer that sets the session cookie itself (sign-in, sign-out)", () => {
    const scope = { ...newRequestScope(), sessionCookie: refreshed };
    expect(setCookiesWithScope(["maillon_session=; Path=/; Max-Age=0"], scope)).toEqual(["maillon_session=; Path=/; Max-Age=0"]);
  });

  it("add nothing when the session was not extended", () => {
    expect(setCookiesWithScope([], newRequestScope())).toEqual([]);
  });
});

describe("a real HTTP answer", () => {
  it("carries what the handler left in the scope, asynchronously, with its own headers", async () => {
    const server = http.createServer((_req, res) => {
      const scope = newRequestScope();
      sendScopeHeaders(res, scope);
      requestScope.run(scope, async () => {
        await new Promise((r) => setTimeout(r, 5));
        requestScope.getStore()!.sessionCookie = refreshed;
        res.statusCode = 302;
        res.setHeader("Location", "/espace");
        res.setHeader("Set-Cookie", "maillon_flash=x; Path=/");
        res.end();
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/`, { redirect: "manual" });
      expect(response.status).toBe(302);
      expect(response.headers.getSetCookie()).toEqual(["maillon_flash=x; Path=/", refreshed.header]);
    } finally {
      server.close();
    }
  });
});
