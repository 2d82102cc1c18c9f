/**
 * A plain node:http client for the tests that need what Playwright's client does not send: a Host
 * header of another site, a chunked body written piece by piece, a body the server answers before
 * it is all sent.
 */
import fs from "node:fs";
import http from "node:http";

export type RawAnswer = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** One request with exactly these headers and this body (a string or Buffer), on its own connection. */
export function rawRequest(
  baseURL: string,
  { method, path, headers, body }: { method: string; path: string; headers: Record<string, string>; body?: string | Buffer },
): Promise<RawAnswer> {
  const url = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const request = http.request({ host: url.hostname, port: url.port, method, path, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    request.on("error", reject);
    request.end(body);
  });
}

export type StreamedAnswer = RawAnswer & {
  /** Bytes of the body written when the answer's status line arrived. */
  sentWhenAnswered: number;
  /** Bytes written in all before the end (or before the server cut the connection). */
  sent: number;
  /** How the upload ended: "finished", "closed" (the server closed its side or the connection), or the socket error. */
  upload: string;
};

/**
 * The pid of the process listening on this port (Linux /proc), or null elsewhere: the server is
 * started by Playwright, so it is found through its listening socket.
 */
export function listeningPid(port: number): number | null {
  try {
    const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
    const inodes = new Set<string>();
    for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
      for (const line of fs.readFileSync(table, "utf8").split("\n").slice(1)) {
        const fields = line.trim().split(/\s+/);
        if (fields[1]?.endsWith(`:${hexPort}`) && fields[3] === "0A") inodes.add(fields[9]!);
      }
    }
    for (const pid of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
      let fds: string[] = [];
      try {
        fds = fs.readdirSync(`/proc/${pid}/fd`);
      } catch {
        continue;
      }
      for (const fd of fds) {
        let target = "";
        try {
          target = fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
        } catch {
          continue;
        }
        const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
        if (inode && inodes.has(inode)) return Number(pid);
      }
    }
    return null;
  } catch {
    return null;
  }
}

/** The resident memory of a process, in kB. */
export function rssKb(pid: number): number {
  return Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? NaN);
}

/** Samples a process's resident memory every few milliseconds while `run` runs: before and peak, in kB. */
export async function peakRss<T>(pid: number, run: () => Promise<T>): Promise<{ result: T; beforeKb: number; peakKb: number }> {
  const beforeKb = rssKb(pid);
  let peakKb = beforeKb;
  const timer = setInterval(() => (peakKb = Math.max(peakKb, rssKb(pid))), 5);
  try {
    const result = await run();
    peakKb = Math.max(peakKb, rssKb(pid));
    return { result, beforeKb, peakKb };
  } finally {
    clearInterval(timer);
  }
}

/**
 * A POST of `total` bytes written in `chunkSize` pieces, chunked (no Content-Length) unless
 * `contentLength` is given. Each piece waits for the previous one to be taken by the socket, so
 * `sentWhenAnswered` tells how much the server had been sent when it answered.
 */
export function streamedPost(
  baseURL: string,
  { path, headers, total, chunkSize = 64 * 1024, contentLength = false }: {
    path: string;
    headers: Record<string, string>;
    total: number;
    chunkSize?: number;
    contentLength?: boolean;
  },
): Promise<StreamedAnswer> {
  const url = new URL(baseURL);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let sentWhenAnswered = -1;
    let upload = "writing";
    let answer: RawAnswer | undefined;
    const finish = () => {
      if (answer && upload !== "writing") resolve({ ...answer, sentWhenAnswered, sent, upload });
    };
    // keep-alive, as browsers send: with `Connection: close` Node closes the socket as soon as the answer is out.
    const sizeHeader = contentLength ? { "Content-Length": String(total) } : { "Transfer-Encoding": "chunked" };
    const allHeaders = { Connection: "keep-alive", ...headers, ...sizeHeader };
    const request = http.request({ host: url.hostname, port: url.port, method: "POST", path, headers: allHeaders, agent: false }, (response) => {
      sentWhenAnswered = sent;
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      // "close" also when the server cut the connection after its answer.
      response.on("close", () => {
        answer = { status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") };
        if (upload === "writing" && request.destroyed) upload = "cut";
        finish();
        // Answered while still writing: the server cut the connection or will; stop waiting for it after a moment.
        setTimeout(() => {
          if (upload !== "writing") return;
          upload = "unfinished";
          request.destroy();
          finish();
        }, 2000).unref();
      });
      response.on("error", () => undefined);
    });
    // The server closed its side: it reads no more, the rest of the body would go nowhere.
    request.on("socket", (socket) =>
      socket.on("end", () => {
        if (upload !== "writing") return;
        upload = "closed";
        request.destroy();
        finish();
      }),
    );
    request.on("close", () => {
      if (upload === "writing" && sent < total) upload = "closed";
      finish();
    });
    request.on("error", (error: NodeJS.ErrnoException) => {
      if (upload === "writing") upload = error.code ?? "error";
      if (answer) finish();
      else if (sentWhenAnswered < 0) reject(error);
    });
    const piece = Buffer.alloc(chunkSize, "a");
    const writeNext = () => {
      if (upload !== "writing") return;
      if (sent >= total) {
        request.end(() => {
          upload = "finished";
          finish();
        });
        return;
      }
      const size = Math.min(chunkSize, total - sent);
      request.write(size === chunkSize ? piece : piece.subarray(0, size), () => {
        sent += size;
        writeNext();
      });
    };
    writeNext();
  });
}
