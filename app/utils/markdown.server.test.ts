import { describe, expect, it } from "vitest";
import { markdownToText, renderMarkdown } from "./markdown.server";

/** No executable part left: no script, no handler, no javascript:/data: address, no img, style or iframe. */
function expectInert(html: string) {
  expect(html).not.toMatch(/<script|<img|<style|<iframe|<object|<embed|<svg/i);
  expect(html).not.toMatch(/\son\w+\s*=/i);
  expect(html).not.toMatch(/=\s*"?\s*(javascript|data|vbscript):/i);
}

describe("renderMarkdown", () => {
  it("writes paragraphs, emphasis, lists, quotes, code and rules", () => {
    const html = renderMarkdown("Texte **gras** et *penché*.\n\n- un\n- deux\n\n1. premier\n\n> cité\n\n`code` et\n\n```\nbloc\n```\n\n---");
    expect(html).toContain("<strong>gras</strong>");
    expect(html).toContain("<em>penché</em>");
    expect(html).toContain("<ul>\n<li>un</li>");
    expect(html).toContain("<ol>\n<li>premier</li>");
    expect(html).toContain("<blockquote>");
    expect(html).toContain("<code>code</code>");
    expect(html).toContain("<pre><code>bloc\n</code></pre>");
    expect(html).toContain("<hr />");
  });

  it("moves every heading one level down, since the page's title is the h1", () => {
    expect(renderMarkdown("# Un\n\n## Deux\n\n### Trois\n\n#### Quatre\n\n##### Cinq")).toBe(
      "<h2>Un</h2>\n<h3>Deux</h3>\n<h4>Trois</h4>\n<h4>Quatre</h4>\n<h4>Cinq</h4>\n",
    );
    expect(renderMarkdown("<h1>Brut</h1>")).toBe("<h2>Brut</h2>");
  });

  it("keeps http, https, mailto and relative links, each with rel=\"nofollow noopener\"", () => {
    expect(renderMarkdown("[site](https://exemple.fr)")).toBe('<p><a href="https://exemple.fr" rel="nofollow noopener">site</a></p>\n');
    expect(renderMarkdown("[écrire](mailto:contact@exemple.fr)")).toContain('href="mailto:contact@exemple.fr" rel="nofollow noopener"');
    expect(renderMarkdown("[projet](/projets/1)")).toContain('href="/projets/1"');
    expect(renderMarkdown('<a href="https://exemple.fr" rel="opener" target="_blank">x</a>')).toBe(
      '<p><a href="https://exemple.fr" rel="nofollow noopener">x</a></p>\n',
    );
  });

  it("drops a <script> written in the Markdown, content and all", () => {
    const html = renderMarkdown("Avant\n\n<script>alert(1)</script>\n\nAprès");
    expectInert(html);
    expect(html).not.toContain("alert");
    expect(html).toContain("Après");
  });

  it("renders [x](javascript:alert(1)) as a link going nowhere", () => {
    const html = renderMarkdown("[x](javascript:alert(1))");
    expectInert(html);
    expect(html).toBe('<p><a rel="nofollow noopener">x</a></p>\n');
  });

  it("drops <img src=x onerror=alert(1)> and Markdown images, keeping an image's alt text only", () => {
    expectInert(renderMarkdown("<img src=x onerror=alert(1)>"));
    expect(renderMarkdown("<img src=x onerror=alert(1)>")).toBe("");
    const md = renderMarkdown("![Le local](https://exemple.fr/photo.png)");
    expectInert(md);
    expect(md).toBe("<p>Le local</p>\n");
  });

  it('refuses <a href="JaVaScRiPt:…">, entity-encoded javascript: and data: addresses', () => {
    for (const source of [
      '<a href="JaVaScRiPt:alert(1)">a</a>',
      '<a href="&#106;avascript:alert(1)">b</a>',
      '<a href=" javascript:alert(1)">c</a>',
      "[d](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
      '<a href="data:text/html,<script>alert(1)</script>">e</a>',
      "<javascript:alert(1)>",
      '<a href="//autre-site.example/">f</a>',
    ]) {
      const html = renderMarkdown(source);
      expectInert(html);
      expect(html, source).not.toMatch(/href=/);
    }
  });

  it("removes event handlers, style, iframe and unknown tags", () => {
    const html = renderMarkdown('<p onclick="x()" style="color:red">texte</p><style>p{}</style><iframe src="https://x"></iframe><div><span>garde</span></div>');
    expectInert(html);
    expect(html).not.toMatch(/style|class|<div|<span/);
    expect(html).toContain("<p>texte</p>");
    expect(html).toContain("garde");
  });
});

describe("markdownToText", () => {
  it("keeps the words only", () => {
    expect(markdownToText("# Titre\n\nUn **mot** et <script>x()</script>[lien](https://a.fr)")).toBe("Titre\nUn mot et lien");
  });
});
