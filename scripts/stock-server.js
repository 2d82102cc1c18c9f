// The stock Remix server, for `npm run bench:http` to compare against: @remix-run/express's request
// handler on the same build and database, and the built assets, with nothing else (no page cache,
// no compression, no security layer). Never serves the site.
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import express from "express";

const build = await import(path.resolve("build/server/index.js"));
const app = express();
app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
app.use(express.static("build/client", { maxAge: "1h" }));
app.all("*", createRequestHandler({ build, mode: "production", getLoadContext: (req) => ({ clientAddress: req.ip ?? "unknown" }) }));
app.listen(Number(process.env.PORT), process.env.HOST ?? "127.0.0.1", () => console.log(`stock server on ${process.env.PORT}`));
