import net from "node:net";
import type { AddressInfo } from "node:net";
import { WebSocketServer } from "ws";

/**
 * A WebSocket-to-TCP relay on loopback, as Neon's proxy does in front of Postgres: the Neon
 * driver opens ws://relay/v1?address=host:port and the relay pipes bytes to that address.
 */
export async function startWsRelay(): Promise<{ address: string; close: () => Promise<void> }> {
  const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  server.on("connection", (socket, request) => {
    const target = new URL(request.url ?? "/", "http://relay").searchParams.get("address") ?? "";
    const [host, port] = target.split(":");
    const upstream = net.connect({ host, port: Number(port) });
    upstream.on("data", (chunk) => socket.send(chunk));
    upstream.on("close", () => socket.close());
    upstream.on("error", () => socket.close());
    socket.on("message", (data) => upstream.write(data as Buffer));
    socket.on("close", () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.on("listening", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}
