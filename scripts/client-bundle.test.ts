import { describe, expect, it } from "vitest";
import * as schema from "#db/schema";
import { findDatabaseCode, tableNamesOf } from "./client-bundle";

describe("tableNamesOf", () => {
  it("lists the SQL name of every table the schema exports, and nothing else", () => {
    const names = tableNamesOf(schema);
    expect(names).toContain("users");
    expect(names).toContain("club_ledger_entries");
    expect(names).toContain("matching_weights");
    expect(names).not.toContain("ROLES");
    expect(names.length).toBeGreaterThanOrEqual(40);
  });
});

describe("findDatabaseCode", () => {
  const tables = ["users", "club_ledger_entries"];

  it("finds drizzle-orm's runtime by its symbol keys, and sqliteTable in an unminified build", () => {
    const files = [
      { path: "assets/a.js", text: 'const u=Symbol.for("drizzle:entityKind");export{u}' },
      { path: "assets/b.js", text: 'import{sqliteTable}from"./c.js";' },
    ];
    expect(findDatabaseCode(files, tables)).toEqual([
      "assets/a.js: drizzle-orm (drizzle:entityKind)",
      "assets/b.js: drizzle-orm (sqliteTable)",
    ]);
  });

  it("finds a table definition once minified, with either quote", () => {
    const files = [
      { path: "assets/schema.js", text: 'y=a("users",{id:n().primaryKey()});a(`club_ledger_entries`, {kind:i()})' },
      { path: "assets/other.js", text: "b('users',{email:i()})" },
    ];
    expect(findDatabaseCode(files, tables)).toEqual([
      "assets/schema.js: table definitions (users, club_ledger_entries)",
      "assets/other.js: table definitions (users)",
    ]);
  });

  it("passes client code that only shares the vocabulary's words", () => {
    const files = [
      {
        path: "assets/route.js",
        text: 'const r=["porteur","benevole"];l("/users",{});t({users:3});const s="users";f("club_ledger_entries_x",{})',
      },
    ];
    expect(findDatabaseCode(files, tables)).toEqual([]);
  });
});
