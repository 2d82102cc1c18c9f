/**
 * The device a session was opened on, named for a person from the browser's
 * User-Agent header: « Firefox sur Linux », « Safari sur iPhone ». Only what a
 * person needs to recognise their own devices; anything else is « Navigateur
 * inconnu ».
 */

type Pattern = { name: string; test: RegExp };

// Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari", iPad and Android also say "Linux"/"Mac".
const BROWSERS: readonly Pattern[] = [
  { name: "Edge", test: /\bEdg(e|A|iOS)?\/\d/ },
  { name: "Opera", test: /\b(OPR|Opera)\/\d/ },
  { name: "Samsung Internet", test: /\bSamsungBrowser\/\d/ },
  { name: "Firefox", test: /\b(Firefox|FxiOS)\/\d/ },
  { name: "Chrome", test: /\b(Chrome|CriOS|Chromium)\/\d/ },
  { name: "Safari", test: /\bVersion\/[\d.]+.*\bSafari\/\d/ },
];

const SYSTEMS: readonly Pattern[] = [
  { name: "iPhone", test: /\biPhone\b/ },
  { name: "iPad", test: /\biPad\b/ },
  { name: "Android", test: /\bAndroid\b/ },
  { name: "ChromeOS", test: /\bCrOS\b/ },
  { name: "Windows", test: /\bWindows\b/ },
  { name: "Mac", test: /\bMacintosh\b|\bMac OS X\b/ },
  { name: "Linux", test: /\bLinux\b|\bX11\b/ },
];

export const UNKNOWN_DEVICE = "Navigateur inconnu";

const first = (patterns: readonly Pattern[], ua: string) => patterns.find((p) => p.test.test(ua))?.name ?? null;

/** « Firefox sur Linux », « Chrome sur Android », « Safari », « Navigateur sur Windows », « Navigateur inconnu ». */
export function describeDevice(userAgent: string | null | undefined): string {
  const ua = (userAgent ?? "").slice(0, 500);
  const browser = first(BROWSERS, ua);
  const system = first(SYSTEMS, ua);
  if (browser && system) return `${browser} sur ${system}`;
  if (browser) return browser;
  if (system) return `Navigateur sur ${system}`;
  return UNKNOWN_DEVICE;
}
