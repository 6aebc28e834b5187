import { test } from "node:test";
import assert from "node:assert/strict";
import sharp from "sharp";
import { AppError } from "@/lib/errors/app-error";
import { MAX_LOGO_BYTES, prepareLogo, sniffLogoType } from "@/lib/branding/prepare-logo";

const square = (format: "png" | "jpeg" | "webp" | "gif", size = 40) =>
  sharp({ create: { width: size, height: size, channels: 3, background: "#0f766e" } })[format]().toBuffer();

const refusal = (pattern: RegExp) => (e: unknown) => e instanceof AppError && e.code === "VALIDATION" && pattern.test(e.fieldErrors?.logo?.[0] ?? "");

test("the type comes from the bytes: PNG, JPEG, WebP and GIF, nothing else", async () => {
  assert.equal(sniffLogoType(await square("png")), "image/png");
  assert.equal(sniffLogoType(await square("jpeg")), "image/jpeg");
  assert.equal(sniffLogoType(await square("webp")), "image/webp");
  assert.equal(sniffLogoType(await square("gif")), "image/gif");
  assert.equal(sniffLogoType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')), null);
  assert.equal(sniffLogoType(Buffer.from("just some text, whatever the file was called")), null);
});

test("each accepted format is re-encoded in kind, with its size", async () => {
  for (const format of ["png", "jpeg", "webp", "gif"] as const) {
    const logo = await prepareLogo(await square(format));
    assert.equal(logo.contentType, `image/${format}`);
    assert.equal(sniffLogoType(logo.bytes), `image/${format}`);
    assert.deepEqual([logo.width, logo.height], [40, 40]);
  }
});

test("re-encoding keeps the pixels only: metadata and bytes hidden after the image are gone", async () => {
  const withMetadata = await sharp(await square("png")).withMetadata({ exif: { IFD0: { Copyright: "secret-in-exif" } } }).png().toBuffer();
  const smuggled = Buffer.concat([withMetadata, Buffer.from("<script>alert('appended')</script>")]);
  const logo = await prepareLogo(smuggled);
  const text = Buffer.from(logo.bytes).toString("latin1");
  assert.ok(!text.includes("secret-in-exif"));
  assert.ok(!text.includes("<script>"));
});

test("refused: text named like an image, SVG, an empty or a broken file, more than 512 KB", async () => {
  await assert.rejects(prepareLogo(Buffer.from("not an image at all")), refusal(/PNG, JPEG, WebP or GIF/));
  await assert.rejects(prepareLogo(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')), refusal(/PNG, JPEG, WebP or GIF/));
  await assert.rejects(prepareLogo(new Uint8Array()), refusal(/empty/));
  const png = await square("png");
  await assert.rejects(prepareLogo(png.subarray(0, 40)), refusal(/could not be read/));
  await assert.rejects(prepareLogo(Buffer.concat([png, Buffer.alloc(MAX_LOGO_BYTES)])), refusal(/512 KB/));
});

test("a large image is scaled down to at most 1024 pixels a side", async () => {
  const logo = await prepareLogo(await square("jpeg", 2000));
  assert.deepEqual([logo.width, logo.height], [1024, 1024]);
});
