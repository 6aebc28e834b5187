"use server";

import { cookies } from "next/headers";
import { failure } from "@/lib/actions/action-result";
import { noArguments, stringArgument } from "@/lib/actions/action-arguments";
import { requestMeta } from "@/lib/auth/request-meta";
import { currentSession } from "@/lib/auth/require-user";
import { writeSessionCookie } from "@/lib/auth/session-cookie";
import { returnPath } from "@/lib/auth/return-path";
import { config } from "@/lib/config";
import { browserCheckNonce, checkBrowserAtSignIn, rememberedAgain } from "@/lib/device-keys/check-browser-at-sign-in";
import { BROWSER_KEY_HINT_COOKIE } from "@/lib/device-keys/browser-key-hint";
import { registerDeviceKey } from "@/lib/device-keys/register-device-key";
import { requestLocale } from "@/lib/i18n/request-locale";
import { translate } from "@/lib/i18n/text";
import { translatorFor } from "@/lib/i18n/translator";

/**
 * The second-factor page's device-key actions (lib/device-keys). Public POST endpoints like every
 * action: each checks its arguments and finds the session itself.
 */

type CheckAnswer =
  | { status: "signed-in"; redirectTo: string }
  | { status: "second-factor"; forgetLocalKey: boolean }
  | { status: "refused"; message: string }
  | { status: "error"; message: string };

/** A nonce only this sign-in (its session family) can answer, for this browser to sign. */
export async function startBrowserCheck(...args: unknown[]): Promise<{ nonce: string } | { status: "error"; message: string }> {
  noArguments(args);
  const locale = await requestLocale();
  try {
    const session = await currentSession();
    if (!session?.secondFactorPending) return { status: "error", message: translatorFor(locale, "authentication")("verify.sessionEnded") };
    const { nonce } = await browserCheckNonce(session);
    return { nonce };
  } catch (error) {
    return { status: "error", message: failure(error, locale).message ?? "" };
  }
}

/** This browser's answer (or null: it holds no key for the account), and what follows from it. */
export async function finishBrowserCheck(proofArgument: unknown, returnToArgument: unknown, ...rest: unknown[]): Promise<CheckAnswer> {
  noArguments(rest);
  const returnTo = returnPath(stringArgument(returnToArgument));
  const proof = proofArgument === null ? null : readProof(proofArgument);
  const locale = await requestLocale();
  try {
    const session = await currentSession();
    if (!session?.secondFactorPending) return { status: "error", message: translatorFor(locale, "authentication")("verify.sessionEnded") };
    const outcome = await checkBrowserAtSignIn({ session, proof, meta: await requestMeta() });
    if (outcome.status === "signed-in") {
      await writeSessionCookie({ id: outcome.session.id, userId: session.userId });
      return { status: "signed-in", redirectTo: returnTo };
    }
    if (outcome.status === "refused") return { status: "refused", message: translate(locale, outcome.message) };
    return outcome;
  } catch (error) {
    return { status: "error", message: failure(error, locale).message ?? "" };
  }
}

function readProof(value: unknown): { keyId: string; nonce: string; signature: string } {
  const fields = (value ?? {}) as Record<string, unknown>;
  return { keyId: stringArgument(fields.keyId, 200), nonce: stringArgument(fields.nonce, 200), signature: stringArgument(fields.signature, 200) };
}

/**
 * "Remember this browser", once the sign-in is complete: the key this browser proved during this
 * sign-in is remembered again; otherwise `publicKey` (made in the browser, its private half kept there)
 * is registered, remembered. Only right after a sign-in: the session must be complete and its
 * authentication a minute old at most, so an old session cannot quietly register browsers.
 */
export async function rememberThisBrowser(publicKeyArgument: unknown, ...rest: unknown[]): Promise<{ status: "success"; keyId: string; rememberedUntil: string; renewed: boolean } | { status: "error"; message: string }> {
  noArguments(rest);
  const publicKey = publicKeyArgument === null ? null : stringArgument(publicKeyArgument, 600);
  const locale = await requestLocale();
  const t = translatorFor(locale, "authentication");
  try {
    const session = await currentSession();
    if (!session || session.secondFactorPending) return { status: "error", message: t("verify.sessionEnded") };
    if (Date.now() - session.authenticatedAt.getTime() > 60_000) return { status: "error", message: t("verify.rememberOnlyAtSignIn") };
    const meta = await requestMeta();
    const renewed = await rememberedAgain({ userId: session.userId, provedKeyId: session.browserCheck });
    const remembered = renewed ?? (publicKey ? await registerDeviceKey({ userId: session.userId, publicKey, remember: true, meta }) : null);
    if (!remembered?.rememberedUntil) return { status: "error", message: t("verify.rememberFailed") };
    (await cookies()).set(BROWSER_KEY_HINT_COOKIE, "1", {
      httpOnly: true,
      sameSite: "lax",
      path: "/sign-in",
      secure: config().appUrl.startsWith("https://"),
      // As long as the browser is remembered: the window the policy gave it when it was registered.
      maxAge: Math.max(0, Math.ceil((remembered.rememberedUntil.getTime() - Date.now()) / 1000)),
    });
    return { status: "success", keyId: remembered.keyId, rememberedUntil: remembered.rememberedUntil.toISOString(), renewed: renewed !== null };
  } catch (error) {
    return { status: "error", message: failure(error, locale).message ?? "" };
  }
}
