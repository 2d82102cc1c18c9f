/**
 * The one place members' Markdown becomes HTML: `marked` writes it, then `sanitize-html` keeps only an
 * allow-list. The sanitiser, not the Markdown options, is what makes the text safe (ADR 018): raw HTML
 * written in the Markdown goes through the same list.
 */
import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

const marked = new Marked({
  gfm: true,
  breaks: false,
  renderer: {
    // No images in an article's body (the article has one image, with its alt text): keep their text.
    image({ text }) {
      return sanitizeHtml(text, { allowedTags: [], allowedAttributes: {} });
    },
  },
});

/** h1 is the page's title: every heading goes one level down, h4 at the deepest. */
const shiftHeading = (to: string) => (_tag: string, attribs: sanitizeHtml.Attributes) => ({ tagName: to, attribs });

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ["p", "h2", "h3", "h4", "ul", "ol", "li", "a", "strong", "em", "blockquote", "code", "pre", "br", "hr"],
  allowedAttributes: { a: ["href", "rel"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: {
    h1: shiftHeading("h2"),
    h2: shiftHeading("h3"),
    h3: shiftHeading("h4"),
    h4: shiftHeading("h4"),
    h5: shiftHeading("h4"),
    h6: shiftHeading("h4"),
    b: "strong",
    i: "em",
    a: (tagName, attribs) => ({ tagName, attribs: { ...(attribs.href ? { href: attribs.href } : {}), rel: "nofollow noopener" } }),
  },
};

/** Safe HTML for a member's Markdown. */
export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown, { async: false });
  return sanitizeHtml(html, OPTIONS);
}

/** The text alone (for feeds' summaries and search): no tag at all. */
export function markdownToText(markdown: string): string {
  return sanitizeHtml(marked.parse(markdown, { async: false }), { allowedTags: [], allowedAttributes: {} }).trim();
}
