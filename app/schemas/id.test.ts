import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { id } from "./id";

const schema = z.object({ projectId: id("Choisissez un projet dans la liste.") });

function parse(value: string | string[]) {
  const formData = new FormData();
  for (const v of Array.isArray(value) ? value : [value]) formData.append("projectId", v);
  return parseWithZod(formData, { schema });
}

describe("id", () => {
  it("accepts a positive whole number", () => {
    const submission = parse("12");
    expect(submission.status).toBe("success");
    expect(submission.status === "success" && submission.value.projectId).toBe(12);
  });

  it.each(["abc", "0", "-1", "1.5", "", "99999999999999999999"])("refuses %j with the field's French message", (value) => {
    const submission = parse(value);
    expect(submission.status === "error" ? submission.error?.projectId : undefined).toEqual(["Choisissez un projet dans la liste."]);
  });

  it("refuses the field sent twice", () => {
    expect(parse(["1", "2"]).status).toBe("error");
  });
});
