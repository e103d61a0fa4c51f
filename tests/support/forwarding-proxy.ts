import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A reverse proxy on loopback that forwards every request to `target` as nginx does with
 * `proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for`: the address the request came from is
 * appended to whatever X-Forwarded-For the client sent (or becomes the header when there was none).
 * Every other header, the Host included, and the body pass through as they are; so does the answer.
 */
export async function startForwardingProxy(target: { host: string; port: number }): Promise<{ port: number; close: () => Promise<void> }> {
  const server = http.createServer((request, response) => {
    const headers = { ...request.headers };
    const received = headers["x-forwarded-for"];
    const from = request.socket.remoteAddress ?? "";
    headers["x-forwarded-for"] = received ? `${Array.isArray(received) ? received.join(", ") : received}, ${from}` : from;
    // Hop-by-hop: this proxy's connection to the app is its own.
    delete headers.connection;
    delete headers["keep-alive"];
    const upstream = http.request({ host: target.host, port: target.port, method: request.method, path: request.url, headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.headers);
      answer.pipe(response);
    });
    upstream.on("error", (error) => {
      if (!response.headersSent) response.writeHead(502, { "content-type": "text/plain" });
      response.end(`forwarding proxy: ${error.message}`);
    });
    request.pipe(upstream);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
