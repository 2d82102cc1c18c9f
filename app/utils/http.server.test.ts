import { describe, expect, it } from "vitest";
import { parseId, readFormData, readId, safeRedirectPath, UNREADABLE_FORM_MESSAGE } from "./http.server";

describe("readId", () => {
  it("reads a positive integer written in plain digits", () => {
    expect(readId("1")).toBe(1);
    expect(readId("99999999")).toBe(99999999);
    expect(readId("999999999999")).toBe(999999999999);
  });

  it.each([null, undefined, "", "0", "-1", "1.5", "1e3", " 7", "7 ", "abc", "\0", "0x10", "1234567890123", "x".repeat(300), 12, new Blob(["1"])])(
    "refuses %j",
    (value) => {
      expect(readId(value)).toBeNull();
    },
  );
});

describe("parseId", () => {
  it("returns the id, or throws a 404 for anything readId refuses", () => {
    expect(parseId("42")).toBe(42);
    for (const value of [undefined, "", "0", "-1", "1.5", "abc", "\0"]) {
      let thrown: unknown;
      try {
        parseId(value);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, JSON.stringify(value)).toMatchObject({ init: { status: 404 } });
    }
  });
});

describe("redirect targets", () => {
  it.each([
    ["/compte", "/compte"],
    ["https://evil.example/", "/espace"],
    ["//evil.example", "/espace"],
    ["/\\evil.example", "/espace"],
    [null, "/espace"],
  ])("%s → %s", (input, expected) => {
    expect(safeRedirectPath(input)).toBe(expected);
  });
});

describe("readFormData", () => {
  function post(body: string, contentType: string): Request {
    return new Request("http://localhost/x", { method: "POST", body, headers: { "Content-Type": contentType } });
  }

  async function thrownBy(request: Request): Promise<unknown> {
    try {
      await readFormData(request);
    } catch (error) {
      return error;
    }
    return undefined;
  }

  it("reads a urlencoded or multipart form as request.formData() does", async () => {
    expect((await readFormData(post("intent=save&title=Caf%C3%A9", "application/x-www-form-urlencoded"))).get("title")).toBe("Café");
    const multipart = '--b\r\nContent-Disposition: form-data; name="title"\r\n\r\nCafé\r\n--b--\r\n';
    expect((await readFormData(post(multipart, "multipart/form-data; boundary=b"))).get("title")).toBe("Café");
  });

  it.each([
    ["{bad sent as JSON", "{bad", "application/json"],
    ["multipart without a boundary", "title=x", "multipart/form-data"],
    ["multipart cut short", '--b\r\nContent-Disposition: form-data; name="title"\r\n\r\nCaf', "multipart/form-data; boundary=b"],
    ["plain text", "bonjour", "text/plain"],
  ])("throws a 400 Response with a French message for %s", async (_name, body, contentType) => {
    const thrown = await thrownBy(post(body, contentType));
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(400);
    expect(await (thrown as Response).json()).toEqual({ message: UNREADABLE_FORM_MESSAGE });
  });
});
