"use client";

import { useTranslations } from "use-intl";
import type { ClientFlow } from "@/lib/flows/client-door";
import type { DeviceChoice } from "@/lib/flows/device-authentication/machine";
import { GatherCapabilities } from "@/components/flows/device-registration/gather-capabilities";
import { DeviceSelectionSection } from "@/components/flows/device-authentication/device-selection";
import { OtpAuthenticationSection } from "@/components/flows/device-authentication/otp-authentication";
import { Fido2AuthenticationSection } from "@/components/flows/device-authentication/fido2-authentication";
import { MagicLinkWaitSection } from "@/components/flows/device-authentication/magic-link-wait";
import { PushWaitSection } from "@/components/flows/device-authentication/push-wait";
import { PushTimedOutSection } from "@/components/flows/device-authentication/push-timed-out";
import { RecoveryCodeSection } from "@/components/flows/device-authentication/recovery-code";

/**
 * The Device Authentication flow's current section, at sign-in and as a step-up. Which door its events
 * take (a pending or a complete session) is the flow door's business, not the section's.
 */
export function AuthenticationView({ flow }: { flow: ClientFlow }) {
  const t = useTranslations("authentication.selection");
  const { view } = flow;
  const data = view.data as Record<string, unknown>;
  const actions = view.actions;
  switch (view.section) {
    case "GATHER_BROWSER_AND_DEVICES":
      return <GatherCapabilities flowId={flow.id} title={t("heading")} />;
    case "DEVICE_SELECTION":
      return (
        <DeviceSelectionSection
          flowId={flow.id}
          devices={data.devices as DeviceChoice[]}
          magicLink={actions.includes("MAGIC_LINK")}
          recoveryCode={actions.includes("USE_RECOVERY_CODE")}
          canCancel={actions.includes("CANCEL")}
        />
      );
    case "AUTHENTICATE_WITH_OTP":
      return (
        <OtpAuthenticationSection
          flowId={flow.id}
          device={data.device as DeviceChoice}
          notice={(data.notice as string | null) ?? null}
          actions={actions}
         
        />
      );
    case "AUTHENTICATE_WITH_FIDO2":
      return (
        <Fido2AuthenticationSection
          flowId={flow.id}
          device={data.device as DeviceChoice}
          options={data.options as object}
          actions={actions}
         
        />
      );
    case "AUTHENTICATE_WITH_PUSH":
      // Keyed by the expiry, so a retry (a new challenge) starts its own countdown.
      return data.timedOut ? (
        <PushTimedOutSection flowId={flow.id} device={data.device as DeviceChoice} actions={actions} />
      ) : (
        <PushWaitSection
          key={data.expiresAt as string}
          flowId={flow.id}
          device={data.device as DeviceChoice}
          number={data.number as number}
          expiresAt={data.expiresAt as string}
          decided={data.decided === true}
          actions={actions}
        />
      );
    case "AUTHENTICATE_WITH_MOBILE_PASSCODE":
      return <OtpAuthenticationSection flowId={flow.id} device={data.device as DeviceChoice} notice={null} actions={actions} />;
    case "CALL_MAGIC_LINK_AUTHENTICATION":
      return <MagicLinkWaitSection flowId={flow.id} actions={actions} />;
    case "AUTHENTICATE_WITH_RECOVERY_CODE":
      return <RecoveryCodeSection flowId={flow.id} notice={(data.notice as string | null) ?? null} left={Number(data.left ?? 0)} actions={actions} />;
    default:
      return null;
  }
}
