/*
 * An example host site for the device widget: a shop with its own sign-in that embeds the portal's
 * device management for its signed-in customer. Copy it as a starting point; it needs only Node.
 *
 *   PORTAL_URL=https://accounts.example.com APP_SECRET=mfa_sk_… PORT=8080 \
 *   PUBLIC_ORIGIN=https://shop.example.com node examples/widget-host/server.mjs
 *
 * The parts that matter:
 *  - The API key stays on this server. The page never sees it, and never names the user to the portal.
 *  - When the page is about to open the widget it asks this server (POST /widget-token), which asks the
 *    portal for a widget token for the customer signed in HERE (POST /api/v1/widget-tokens, by the
 *    externalId this shop gave the person when it provisioned them) and for this site's origin, which
 *    an administrator must have added to the portal's widget origins.
 *  - The page hands the token to MfaWidget.open(); it is single use and lives three minutes, so the
 *    page asks for a new one each time it opens the widget.
 * The shop's own sign-in below is a stand-in (any customer id is accepted): use your real one.
 */
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";

const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page({ portalUrl, customer }) {
  const body = customer
    ? `<p>Signed in to Example Shop as <strong>${escapeHtml(customer)}</strong>.</p>
<button type="button" id="open">Manage sign-in devices</button>
<div id="devices"></div>
<section aria-labelledby="result-heading">
  <h2 id="result-heading">What the widget handed back</h2>
  <p>Outcome: <output id="outcome">none</output></p>
  <pre id="result"></pre>
</section>
<script src="${escapeHtml(portalUrl)}/widget.js"></script>
<script>
  function show(outcome, result) {
    document.getElementById("outcome").textContent = outcome;
    document.getElementById("result").textContent = JSON.stringify(result);
  }
  document.getElementById("open").addEventListener("click", async function () {
    // The token comes from this site's server, for whoever is signed in here.
    const response = await fetch("/widget-token", { method: "POST" });
    const answer = await response.json();
    if (!response.ok) return show("error", answer);
    MfaWidget.open({
      container: "#devices",
      flow: "device-management",
      token: answer.token,
      onSuccess: function (result) { show("success", result); },
      onCancel: function (result) { show("cancelled", result); },
      onError: function (error) { show("error", error); },
    });
  });
</script>`
    : `<form method="post" action="/sign-in">
  <label for="customer">Customer id</label>
  <input id="customer" name="customer" required>
  <button type="submit">Sign in to Example Shop</button>
</form>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Example Shop</title>
<style>body { font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; } #devices { margin: 1rem 0; }</style>
</head><body><main><h1>Example Shop</h1>${body}</main></body></html>`;
}

function customerOf(request) {
  const match = /(?:^|;\s*)shop_customer=([^;]+)/.exec(request.headers.cookie ?? "");
  return match ? decodeURIComponent(match[1]) : null;
}

async function readForm(request) {
  let text = "";
  for await (const chunk of request) {
    text += chunk;
    if (text.length > 10_000) break;
  }
  return new URLSearchParams(text);
}

/** The widget token for the signed-in customer, asked of the portal with this site's API key. */
async function widgetToken({ portalUrl, appSecret, origin }, customer) {
  const response = await fetch(`${portalUrl}/api/v1/widget-tokens`, {
    method: "POST",
    headers: { Authorization: `Bearer ${appSecret}`, "Content-Type": "application/json" },
    body: JSON.stringify({ externalId: customer, flow: "device-management", origin }),
  });
  const body = await response.json();
  // The page gets the token and nothing else; a refusal keeps its code and words, never the key.
  return response.ok ? { status: 200, body: { token: body.token } } : { status: 502, body: { ciam_errorCode: body.code, ciam_errorMessage: body.detail } };
}

/** Starts the example host; resolves once it listens. `origin`: how browsers reach it (PUBLIC_ORIGIN). */
export function startWidgetHost({ port, portalUrl, appSecret, origin = `http://127.0.0.1:${port}`, listenAddress = "127.0.0.1" }) {
  const options = { portalUrl: portalUrl.replace(/\/$/, ""), appSecret, origin };
  const server = createServer(async (request, response) => {
    const send = (status, type, body, headers = {}) => response.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store", ...headers }).end(body);
    try {
      const customer = customerOf(request);
      if (request.method === "GET" && request.url === "/") return send(200, "text/html; charset=utf-8", page({ portalUrl: options.portalUrl, customer }));
      if (request.method === "POST" && request.url === "/sign-in") {
        const id = (await readForm(request)).get("customer")?.trim().slice(0, 128) ?? "";
        if (!id) return send(303, "text/plain", "", { Location: "/" });
        return send(303, "text/plain", "", { Location: "/", "Set-Cookie": `shop_customer=${encodeURIComponent(id)}; HttpOnly; SameSite=Lax; Path=/` });
      }
      if (request.method === "POST" && request.url === "/widget-token") {
        if (!customer) return send(401, "application/json", JSON.stringify({ ciam_errorCode: "SIGN_IN_REQUIRED", ciam_errorMessage: "Sign in to the shop first." }));
        const answer = await widgetToken(options, customer);
        return send(answer.status, "application/json", JSON.stringify(answer.body));
      }
      return send(404, "text/plain; charset=utf-8", "Not found\n");
    } catch (error) {
      console.error("widget host:", error instanceof Error ? error.message : error);
      return send(502, "application/json", JSON.stringify({ ciam_errorCode: "PORTAL_UNREACHABLE", ciam_errorMessage: "The portal could not be reached." }));
    }
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject).listen(port, listenAddress, () =>
      resolve({ origin, close: () => new Promise((done) => server.close(() => done())) }),
    );
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { PORTAL_URL, APP_SECRET, PORT = "8080", PUBLIC_ORIGIN, LISTEN_ADDRESS = "127.0.0.1" } = process.env;
  if (!PORTAL_URL || !APP_SECRET) {
    console.error("Set PORTAL_URL and APP_SECRET (an application's key: npm run app:create).");
    process.exit(1);
  }
  const host = await startWidgetHost({ port: Number(PORT), portalUrl: PORTAL_URL, appSecret: APP_SECRET, origin: PUBLIC_ORIGIN, listenAddress: LISTEN_ADDRESS });
  console.log(`Example Shop at ${host.origin} (add this origin to the portal's widget origins)`);
}
