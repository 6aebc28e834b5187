import type { Metadata } from "next";
import { AuthenticationView } from "@/components/flows/device-authentication/authentication-view";
import { CompleteSignIn } from "@/components/auth/complete-sign-in";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { Notice } from "@/components/ui/notice";
import { requirePendingSession } from "@/lib/auth/require-user";
import { callerFor } from "@/lib/auth/caller";
import { returnPath } from "@/lib/auth/return-path";
import { config } from "@/lib/config";
import { DEVICE_TYPES } from "@/lib/devices/device-types";
import { findFinishedAuthentication } from "@/lib/flows/flow-executions";
import { openFlowForDoor } from "@/lib/flows/open-flow-for-door";

export const metadata: Metadata = { title: "Confirm it's you" };

/**
 * The second factor at sign-in: the Device Authentication subflow for a session that gave only its
 * first factor. Once the flow succeeds the session is replaced by a complete one.
 */
export default async function VerifyPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const returnTo = returnPath((await searchParams).callbackUrl);
  const session = await requirePendingSession(returnTo);
  const caller = await callerFor(session);
  // The first factor decides what may be the second: an emailed link is no second factor after an
  // emailed link, and email is never stronger than the first factor (security.md item 12). An account
  // whose only second factor is email therefore signs in with its password, then an emailed code.
  const afterEmail = session.authMethods.split(",").includes("magic_link");

  // Only this session's own flow: another sign-in of the same account, finished or not, is a stranger.
  const finished = await findFinishedAuthentication({ userId: session.userId, caller });
  if (finished?.result) {
    const result = JSON.parse(finished.result) as { status: string; output: Record<string, string> };
    if (result.status === "success" && result.output.ciam_subflowResult === "AUTHENTICATED") {
      return (
        <div className="card">
          <CompleteSignIn flowId={finished.id} returnTo={returnTo} />
        </div>
      );
    }
    const message =
      result.output.ciam_errorDetails === "NO_USABLE_DEVICE" && afterEmail
        ? "You signed in with an emailed link, and your only second step is email too: one inbox cannot vouch for itself twice. Sign in with your password instead, and we will email you a code."
        : result.output.ciam_subflowResult === "NO_SECOND_FACTOR"
          ? "Your account's second step changed while you were signing in. Sign in again."
          : (result.output.ciam_errorMessage ?? "We could not confirm it's you.");
    return (
      <div className="card stack">
        <h1>Sign-in not finished</h1>
        <Notice tone="error">{message}</Notice>
        <SignOutButton />
      </div>
    );
  }

  const door = await openFlowForDoor({
    kind: "device-authentication",
    userId: session.userId,
    door: "portal",
    input: {
      maxResend: config().otp.maxResends,
      magicLinkEnabled: !afterEmail,
      allowedDeviceTypes: afterEmail ? DEVICE_TYPES.filter((t) => t !== "EMAIL") : undefined,
      purpose: "sign-in",
      allowCancel: false,
    },
    caller,
  });
  return (
    <div className="stack">
      <AuthenticationView flow={door.flow} signingIn />
      <p className="small muted">
        Not you? <SignOutButton />
      </p>
    </div>
  );
}
