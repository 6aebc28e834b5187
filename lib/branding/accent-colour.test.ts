import { test } from "node:test";
import assert from "node:assert/strict";
import { accentIsReadable, accentPalette, contrastRatio, DEFAULT_ACCENT } from "@/lib/branding/accent-colour";
import { accentColourSchema, brandingFormSchema, logoStyleSchema, logoUrlSchema } from "@/lib/validations/branding";

test("contrast ratios match WCAG's published extremes and a known pair", () => {
  assert.equal(contrastRatio("#000000", "#ffffff"), 21);
  assert.equal(contrastRatio("#777777", "#777777"), 1);
  // #767676 is the lightest grey that reaches 4.5:1 on white; #777777 is just below.
  assert.ok(contrastRatio("#767676", "#ffffff") >= 4.5);
  assert.ok(contrastRatio("#777777", "#ffffff") < 4.5);
});

test("an accent is accepted only when white text on it stays readable (4.5:1)", () => {
  assert.ok(accentIsReadable(DEFAULT_ACCENT));
  assert.ok(accentIsReadable("#767676"));
  assert.ok(!accentIsReadable("#777777"));
  assert.ok(!accentIsReadable("#ffcc00"));
  assert.ok(!accentIsReadable("red"));
  assert.equal(accentColourSchema.parse(" #0B5FFF "), "#0b5fff");
  const refused = accentColourSchema.safeParse("#fde047");
  assert.equal(refused.success, false);
  assert.match(refused.error!.issues[0]!.message, /hard to read/);
  assert.match(accentColourSchema.safeParse("#12345").error!.issues[0]!.message, /six hexadecimal digits/);
});

test("the palette keeps the stylesheet's colours for the default and derives readable ones otherwise", () => {
  assert.deepEqual(accentPalette(DEFAULT_ACCENT), { brand: "#4f46e5", brandStrong: "#4338ca", brandSoft: "#eef2ff" });
  const palette = accentPalette("#0f766e");
  assert.equal(palette.brand, "#0f766e");
  // Hover is darker still, and the badge text (strong on soft) stays readable.
  assert.ok(contrastRatio(palette.brandStrong, "#ffffff") > contrastRatio(palette.brand, "#ffffff"));
  assert.ok(contrastRatio(palette.brandStrong, palette.brandSoft) >= 4.5);
});

test("logo addresses: a path here or an http(s) URL, nothing that runs or leaves the site by a trick", () => {
  for (const ok of ["/logo.svg", "/branding/logo/abc123", "https://cdn.example.com/logo.png"]) assert.ok(logoUrlSchema.safeParse(ok).success, ok);
  for (const bad of ["javascript:alert(1)", "data:image/png;base64,AAAA", "//evil.example/logo.png", "/\\evil.example", "logo.png", "https://user:pw@example.com/x.png", "/a b"]) {
    assert.equal(logoUrlSchema.safeParse(bad).success, false, bad);
  }
});

test("logo style: CSS declarations, never anything that loads or closes the attribute", () => {
  assert.ok(logoStyleSchema.safeParse("height: 32px; width: auto;").success);
  for (const bad of ["background: url(https://x)", 'height: 1px" onload="x', "width: expression(alert(1))", "}body{display:none"]) {
    assert.equal(logoStyleSchema.safeParse(bad).success, false, bad);
  }
});

test("the form: unticked flags are off, the company name is one line", () => {
  const parsed = brandingFormSchema.parse({ companyName: " Globex ", logoUrl: "", logoStyle: "", accentColour: "#0f766e", isSmsOTPEnabled: "on" });
  assert.deepEqual(parsed, {
    companyName: "Globex",
    logoUrl: "",
    logoStyle: "",
    accentColour: "#0f766e",
    features: { isSmsOTPEnabled: true, isEmailOTPEnabled: false, isFidoPasskeyEnabled: false },
  });
  assert.equal(brandingFormSchema.safeParse({ companyName: "Globex\nCall 555", accentColour: "#0f766e" }).success, false);
});
