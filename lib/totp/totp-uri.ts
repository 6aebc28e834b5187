import "server-only";
import QRCode from "qrcode";
import { totpFor } from "@/lib/totp/totp-parameters";

/** The otpauth:// URI an authenticator app scans; the issuer names the company beside the account. */
export function totpUri(options: { secret: string; issuer: string; accountName: string }): string {
  return totpFor(options).toString();
}

/** A PNG data URL of the URI, so the secret never leaves the page for a third-party QR service. */
export async function totpQrDataUrl(uri: string): Promise<string> {
  return QRCode.toDataURL(uri, { errorCorrectionLevel: "M", margin: 2, width: 240 });
}
