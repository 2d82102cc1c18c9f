import { describe, expect, it } from "vitest";
import { identifyImage } from "./image";

// 1×1 transparent PNG and GIF.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
const GIF = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");

describe("identifying an image by its bytes", () => {
  it("recognises PNG and GIF with their dimensions", () => {
    expect(identifyImage(PNG)).toEqual({ contentType: "image/png", width: 1, height: 1 });
    expect(identifyImage(GIF)).toEqual({ contentType: "image/gif", width: 1, height: 1 });
  });
  it("refuses text, an SVG, a PDF and empty bytes, whatever their name would say", () => {
    expect(identifyImage(Buffer.from("bonjour, je ne suis pas une image"))).toBeNull();
    expect(identifyImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>'))).toBeNull();
    expect(identifyImage(Buffer.from("%PDF-1.4\n%âãÏÓ\n"))).toBeNull();
    expect(identifyImage(new Uint8Array())).toBeNull();
  });
});
