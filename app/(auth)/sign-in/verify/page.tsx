import type { Metadata } from "next";
import { cookies } from "next/headers";
import { BROWSER_HINT_COOKIE, parseBrowserHint } from "@/lib/flows/browser-hint";
import { FlowHost } from "@/components/flows/flow-host";
import { BrowserCheck } from "@/components/auth/browser-check";
import { SecondFactorHost } from "@/components/auth/second-factor-host";
import { BROWSER_KEY_HINT_COOKIE } from "@/lib/device-keys/browser-key-hint";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { Notice } from "@/components/ui/notice";
import { requirePendingSession } from "@/lib/auth/require-user";
import { callerFor } from "@/lib/auth/caller";
import { returnPath } from "@/lib/auth/return-path";
import { config } from "@/lib/config";
import { devicePolicyFor } from "@/lib/policy/device-policy";
import { currentBranding } from "@/lib/branding/current-branding";
import { DEVICE_TYPES } from "@/lib/devices/device-types";
import { findSignInFlow, snapshotOf, startFlow } from "@/lib/flows/flow-executions";
import { clientDoorView } from "@/lib/flows/flow-door";
import { requestLocale } from "@/lib/i18n/request-locale";
import { messageIn, text, wordMessages, type Message } from "@/lib/i18n/text";
import { serverTranslator } from "@/lib/i18n/server-translator";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await serverTranslator("authentication"))("verify.title") };
}

/**
 * The second factor at sign-in: the Device Authentication subflow for a session that gave only its
 * first factor. The page renders the first section; each event after that is one request to the flow
 * door, and the one that finishes the flow also replaces the session with a complete one (issue 8).
 */
export default async function VerifyPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const returnTo = returnPath((await searchParams).callbackUrl);
  const session = await requirePendingSession(returnTo);
  const caller = await callerFor(session);
  // The first factor decides what may be the second: an emailed link is no second factor after an
  // emailed link, and email is never stronger than the first factor (security.md item 12). An account
  // whose only second factor is email therefore signs in with its password, then an emailed code.
  const afterEmail = session.authMethods.split(",").includes("magic_link");

  // Device keys (lib/device-keys): a browser registered here proves itself before any second factor is
  // sent, so a remembered one skips it. Asked where it can answer (the hint cookie), or everywhere when
  // only registered browsers may sign in; once per sign-in (the session keeps the answer).
  const policy = await devicePolicyFor();
  const jar = await cookies();
  if (session.browserCheck === null && (policy.knownDevicesOnly || jar.has(BROWSER_KEY_HINT_COOKIE))) {
    return <BrowserCheck userId={session.userId} returnTo={returnTo} />;
  }

  // Only this session's own flow: another sign-in of the same account, finished or not, is a stranger.
  // One statement finds it, finished or open (issue 8: a handful of statements per step).
  const found = await findSignInFlow({ userId: session.userId, caller });
  if (found?.result) {
    const result = JSON.parse(found.result) as { status: string; output: Record<string, string> };
    if (result.status === "success" && result.output.ciam_subflowResult === "AUTHENTICATED") {
      // Confirmed (by an emailed link, or just before a reload) but not yet redeemed: the flow host
      // redeems it from the browser, the one place that can receive the complete session's cookie.
      const flow = await snapshotOf(found, caller);
      return <FlowHost mode="sign-in" initial={clientDoorView({ flow, subflow: null }, await requestLocale())} returnTo={returnTo} companyName={(await currentBranding()).companyName} />;
    }
    const message: Message =
      result.output.ciam_errorDetails === "NO_USABLE_DEVICE" && afterEmail
        ? text("authentication.verify.emailTwice")
        : result.output.ciam_subflowResult === "NO_SECOND_FACTOR"
          ? text("authentication.verify.factorChanged")
          : (messageIn(result.output.ciam_errorMessage) ?? text("authentication.verify.couldNotConfirm"));
    return (
      <div className="card stack">
        <h1>{(await serverTranslator("authentication"))("verify.notFinished")}</h1>
        <Notice tone="error">{wordMessages<Message>(message, await requestLocale()) as string}</Notice>
        <SignOutButton />
      </div>
    );
  }

  // The open flow resumes; without one, a new one starts.
  const flow = found
    ? await snapshotOf(found, caller)
    : await startFlow({
        kind: "device-authentication",
        userId: session.userId,
        door: "portal",
        input: {
          maxResend: policy.maxResends,
          magicLinkEnabled: !afterEmail && policy.magicLinkEnabled,
          allowedDeviceTypes: afterEmail ? DEVICE_TYPES.filter((t) => t !== "EMAIL") : undefined,
          purpose: "sign-in",
          allowCancel: false,
          // A phone that timed out offers the passcode its app shows (Mobile Passcode Flow).
          allowOtpFallback: policy.pushOtpFallback,
          browser: parseBrowserHint(jar.get(BROWSER_HINT_COOKIE)?.value),
        },
        caller,
      });
  return (
    <div className="stack">
      <SecondFactorHost
        initial={clientDoorView({ flow, subflow: null }, await requestLocale())}
        returnTo={returnTo}
        companyName={(await currentBranding()).companyName}
        userId={session.userId}
        rememberDays={policy.rememberBrowserDays}
        rememberByDefault={policy.rememberBrowserByDefault}
      />
      <p className="small muted">
        {(await serverTranslator("authentication"))("verify.notYou")} <SignOutButton />
      </p>
    </div>
  );
}
