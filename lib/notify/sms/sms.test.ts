import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { createHttpSmsVoiceProvider } from "@/lib/notify/sms/http-sms-voice-provider";
import { placeVoiceCall } from "@/lib/notify/sms/place-voice-call";
import { sendSms } from "@/lib/notify/sms/send-sms";
import type { SmsVoiceProvider } from "@/lib/notify/sms/sms-voice-provider";
import { escapeXml, voiceTwiml } from "@/lib/notify/sms/voice-twiml";

test("the voice script escapes XML, so text cannot become call instructions", () => {
  const twiml = voiceTwiml(`Tom & Jerry's <Dial>+15550100</Dial> "code"`);
  assert.equal(
    twiml,
    "<Response><Say>Tom &amp; Jerry&apos;s &lt;Dial&gt;+15550100&lt;/Dial&gt; &quot;code&quot;</Say></Response>",
  );
  assert.equal(twiml.match(/</g)?.length, 4, "markup leaked into the script");
  assert.equal(escapeXml("a\u0000b\u0007c\nd"), "abc\nd");
});

function fakeFetch() {
  const calls: { url: string; init: RequestInit }[] = [];
  const fn = (async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    return new Response(JSON.stringify({ sid: "SM1" }), { status: 201 });
  }) as typeof fetch;
  return { calls, fn };
}

test("the HTTP provider posts a form with basic auth to Messages.json and Calls.json", async () => {
  const { calls, fn } = fakeFetch();
  const provider = createHttpSmsVoiceProvider({ apiBaseUrl: "https://sms.test/2010-04-01/", accountSid: "AC123", authToken: "tok", from: "+15550001", fetch: fn });
  await provider.sendSms("+442079460018", "123456 is your code");
  await provider.placeVoiceCall("+442079460018", "Your code is 1, 2 & 3");

  assert.equal(calls[0]?.url, "https://sms.test/2010-04-01/Accounts/AC123/Messages.json");
  assert.equal(calls[0]?.init.method, "POST");
  const headers = new Headers(calls[0]?.init.headers);
  assert.equal(headers.get("authorization"), `Basic ${Buffer.from("AC123:tok").toString("base64")}`);
  assert.equal(headers.get("content-type"), "application/x-www-form-urlencoded");
  const sms = new URLSearchParams(String(calls[0]?.init.body));
  assert.deepEqual(Object.fromEntries(sms), { To: "+442079460018", From: "+15550001", Body: "123456 is your code" });

  assert.equal(calls[1]?.url, "https://sms.test/2010-04-01/Accounts/AC123/Calls.json");
  const call = new URLSearchParams(String(calls[1]?.init.body));
  assert.equal(call.get("Twiml"), "<Response><Say>Your code is 1, 2 &amp; 3</Say></Response>");
  assert.equal(call.get("To"), "+442079460018");
});

test("a refusal from the provider is an error, without the token in it", async () => {
  const fn = (async () => new Response("bad number", { status: 400 })) as typeof fetch;
  const provider = createHttpSmsVoiceProvider({ apiBaseUrl: "https://sms.test", accountSid: "AC1", authToken: "secret-token", from: "+1", fetch: fn });
  await assert.rejects(provider.sendSms("+1", "x"), (e: unknown) => e instanceof Error && /HTTP 400/.test(e.message) && !e.message.includes("secret-token"));
});

test("sendSms and placeVoiceCall keep a copy in the outbox and use the provider", async () => {
  const to = `+1555${randomUUID().slice(0, 8)}`;
  const sent: string[] = [];
  const provider: SmsVoiceProvider = {
    sendSms: async (t, body) => void sent.push(`sms ${t} ${body}`),
    placeVoiceCall: async (t, text) => void sent.push(`voice ${t} ${text}`),
  };
  await sendSms({ to, body: "hello", provider });
  await placeVoiceCall({ to, text: "hi there", provider });
  assert.deepEqual(sent, [`sms ${to} hello`, `voice ${to} hi there`]);
  const outbox = await db.outboxMessage.findMany({ where: { to }, orderBy: { createdAt: "asc" } });
  assert.deepEqual(outbox.map((m) => [m.channel, m.body]), [["sms", "hello"], ["voice", "hi there"]]);
});

test("without a configured provider, outside production, the outbox is the delivery", async () => {
  const to = `+1555${randomUUID().slice(0, 8)}`;
  await sendSms({ to, body: "outbox only" });
  assert.equal(await db.outboxMessage.count({ where: { to, channel: "sms" } }), 1);
});
