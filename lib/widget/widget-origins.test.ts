import { test } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { forgetAllSettings } from "@/lib/settings/settings-store";
import { mayEmbedWidget, parseWidgetOrigins, WIDGET_ORIGINS_KEY, widgetAllowedOrigins } from "@/lib/widget/widget-origins";

test("the stored list holds exact origins only, so nothing else can reach the CSP header", () => {
  assert.deepEqual(parseWidgetOrigins(["https://shop.example.com", "http://intranet.example"]), ["https://shop.example.com", "http://intranet.example"]);
  assert.deepEqual(parseWidgetOrigins([]), []);
  for (const bad of [null, "https://a.example", [1], ["https://a.example/"], ["https://a.example; script-src *"], ["*"], Array(51).fill("https://a.example")]) {
    assert.throws(() => parseWidgetOrigins(bad), TypeError, JSON.stringify(bad)?.slice(0, 60));
  }
});

process.env.WIDGET_ALLOWED_ORIGINS = "https://first.example, https://second.example/path";

test("the first read stores the environment's list; after that the stored list is what counts", async () => {
  await db.setting.deleteMany({ where: { key: WIDGET_ORIGINS_KEY } });
  forgetAllSettings();
  const initial = await widgetAllowedOrigins();
  assert.deepEqual(initial, ["https://first.example", "https://second.example"]);
  const row = await db.setting.findUniqueOrThrow({ where: { key: WIDGET_ORIGINS_KEY } });
  assert.deepEqual(JSON.parse(row.value), initial);
  assert.equal(row.updatedById, null);

  await db.setting.update({ where: { key: WIDGET_ORIGINS_KEY }, data: { value: JSON.stringify(["https://stored.example"]) } });
  forgetAllSettings();
  assert.deepEqual(await widgetAllowedOrigins(), ["https://stored.example"]);
  assert.equal(await mayEmbedWidget("https://stored.example"), true);
  assert.equal(await mayEmbedWidget("https://first.example"), false);

  await db.setting.update({ where: { key: WIDGET_ORIGINS_KEY }, data: { value: "[]" } });
  forgetAllSettings();
  assert.deepEqual(await widgetAllowedOrigins(), [], "an emptied list stays empty: the environment is not read again");
  await db.setting.deleteMany({ where: { key: WIDGET_ORIGINS_KEY } });
  forgetAllSettings();
});
