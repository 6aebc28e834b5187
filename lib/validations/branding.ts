import { z } from "zod";
import { ACCENT_PATTERN, MIN_ACCENT_CONTRAST, accentIsReadable } from "@/lib/branding/accent-colour";

// One line of printable text: the name goes into SMS texts, spoken calls and email subjects, where a
// line break could add words of someone else's choosing. A lone surrogate is no character at all.
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]|\p{Cs}/u;

export const companyNameSchema = z
  .string({ error: "Enter the company name." })
  .trim()
  .min(1, { error: "Enter the company name." })
  .max(60, { error: "Use at most 60 characters." })
  .refine((v) => !CONTROL_CHARS.test(v), { error: "Use one line of letters, digits, spaces and punctuation." });

/**
 * Where the logo image is: a path on this site ("/logo.svg", an upload's "/branding/logo/<id>") or an
 * http(s) URL. Nothing else: no javascript: or data: URLs, no protocol-relative "//host" paths.
 */
const LOGO_URL_MESSAGE = "Use a path on this site (starting with /) or an https:// address.";

export const logoUrlSchema = z
  .string({ error: "Enter the logo's address." })
  .trim()
  .min(1, { error: "Enter the logo's address, or upload an image." })
  .max(2000, { error: "Use at most 2000 characters." })
  .refine(isLogoUrl, { error: LOGO_URL_MESSAGE });

function isLogoUrl(value: string): boolean {
  if (value.startsWith("/")) return /^\/(?![/\\])[\w\-./~%]*$/.test(value);
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.username === "" && url.password === "";
  } catch {
    return false;
  }
}

/**
 * CSS declarations for the logo image (ciam_logoStyle), e.g. "height: 32px; width: auto;". The Brand
 * component drops anything that is not a plain declaration; here the characters that could leave a
 * style attribute or load something are refused outright, so the administrator hears about it.
 */
export const logoStyleSchema = z
  .string()
  .trim()
  .max(300, { error: "Use at most 300 characters." })
  .refine((v) => !/[<>{}"'\\]|url\s*\(|expression\s*\(|@import/i.test(v) && !CONTROL_CHARS.test(v), {
    error: "Use CSS declarations only, such as height: 32px; width: auto;",
  });

export const accentColourSchema = z
  .string({ error: "Enter a colour such as #4f46e5." })
  .trim()
  .toLowerCase()
  .regex(ACCENT_PATTERN, { error: "Enter a colour as # and six hexadecimal digits, such as #4f46e5." })
  .refine(accentIsReadable, {
    error: `White text on this colour is hard to read: choose a darker one (contrast at least ${MIN_ACCENT_CONTRAST}:1).`,
  });

/** The source flows' feature flags: which kinds of device people may add. */
export const featureFlagsSchema = z.strictObject({
  isSmsOTPEnabled: z.boolean(),
  isEmailOTPEnabled: z.boolean(),
  isFidoPasskeyEnabled: z.boolean(),
});
export type FeatureFlags = z.infer<typeof featureFlagsSchema>;
export const FEATURE_FLAGS = ["isSmsOTPEnabled", "isEmailOTPEnabled", "isFidoPasskeyEnabled"] as const satisfies readonly (keyof FeatureFlags)[];

/** The stored branding document (Setting "branding"). */
export const brandingSchema = z.strictObject({
  companyName: companyNameSchema,
  logoUrl: logoUrlSchema,
  logoStyle: logoStyleSchema,
  accentColour: accentColourSchema,
  features: featureFlagsSchema,
});
export type BrandingDocument = z.infer<typeof brandingSchema>;

// A checkbox sends "on" when ticked and nothing when not.
const checkbox = z.literal("on").optional().transform((v) => v === "on");

export type BrandingDraft = Omit<BrandingDocument, "logoUrl"> & {
  /** Empty when the administrator uploads an image instead (the upload's path replaces it). */
  logoUrl: string;
};

/** The admin branding form's text fields (an uploaded logo, a file, is checked by lib/branding/prepare-logo.ts). */
export const brandingFormSchema = z
  .object({
    companyName: companyNameSchema,
    logoUrl: z
      .string()
      .trim()
      .max(2000, { error: "Use at most 2000 characters." })
      .refine((v) => v === "" || isLogoUrl(v), { error: LOGO_URL_MESSAGE })
      .optional()
      .transform((v) => v ?? ""),
    logoStyle: logoStyleSchema.optional().transform((v) => v ?? ""),
    accentColour: accentColourSchema,
    isSmsOTPEnabled: checkbox,
    isEmailOTPEnabled: checkbox,
    isFidoPasskeyEnabled: checkbox,
  })
  .transform(
    ({ isSmsOTPEnabled, isEmailOTPEnabled, isFidoPasskeyEnabled, ...rest }): BrandingDraft => ({
      ...rest,
      features: { isSmsOTPEnabled, isEmailOTPEnabled, isFidoPasskeyEnabled },
    }),
  );
