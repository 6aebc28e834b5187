import "server-only";
import { config } from "@/lib/config";
import { readSetting } from "@/lib/settings/settings-store";
import { DEFAULT_ACCENT } from "@/lib/branding/accent-colour";
import { brandingSchema, type BrandingDocument, type FeatureFlags } from "@/lib/validations/branding";

export const BRANDING_KEY = "branding";

/** Today's environment values (COMPANY_NAME, LOGO_URL, LOGO_STYLE and the three flags): the first stored branding. */
export function brandingFromEnvironment(): BrandingDocument {
  const { branding, features } = config();
  return { ...branding, accentColour: DEFAULT_ACCENT, features: { ...features } };
}

/**
 * The branding and feature flags as the administrator last saved them (or the environment's, until
 * then). Cached by the settings store, so pages, the widget and messages may all call it freely; a
 * save is seen on every instance at the next request.
 */
export async function currentBranding(): Promise<BrandingDocument> {
  return readSetting(BRANDING_KEY, (raw) => brandingSchema.parse(raw), brandingFromEnvironment);
}

/** Which kinds of device people may add (isSmsOTPEnabled, isEmailOTPEnabled, isFidoPasskeyEnabled). */
export async function currentFeatures(): Promise<FeatureFlags> {
  return (await currentBranding()).features;
}
