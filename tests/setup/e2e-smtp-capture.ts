/**
 * The SMTP server of the e2e run (a webServer of playwright.config.ts): a real SMTP server on the
 * port given, which writes each message it accepts, as received, into the folder given — where
 * tests/e2e/mail.spec.ts reads what the Maillon server under test sent through SMTP.
 */
import fs from "node:fs";
import path from "node:path";
import { startTestSmtpServer } from "./smtp-test-server";

const [portArg, dir] = process.argv.slice(2);
fs.rmSync(dir!, { recursive: true, force: true });
fs.mkdirSync(dir!, { recursive: true });
let n = 0;
const server = await startTestSmtpServer({
  port: Number(portArg),
  onMessage(mail) {
    n += 1;
    const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${String(n).padStart(5, "0")}.eml`;
    fs.writeFileSync(path.join(dir!, `${name}.part`), mail.raw);
    fs.renameSync(path.join(dir!, `${name}.part`), path.join(dir!, name));
  },
});
console.log(`Serveur SMTP de test sur ${server.url}, messages dans ${dir}`);
process.on("SIGTERM", () => void server.close().then(() => process.exit(0)));
