"use client";

import { useTranslations } from "use-intl";
import type { DeviceSummary } from "@/lib/devices/list-devices";
import type { ClientDoorView } from "@/lib/flows/client-door";
import { EnableMfaSection } from "@/components/flows/device-management/enable-mfa";
import { DeviceListSection } from "@/components/flows/device-management/device-list";
import { UpdateDeviceSection } from "@/components/flows/device-management/update-device";
import { RegistrationView } from "@/components/flows/device-registration/registration-view";
import { AuthenticationView } from "@/components/flows/device-authentication/authentication-view";
import { ConfirmPasswordSection } from "@/components/flows/device-registration/confirm-password";
import { Notice } from "@/components/ui/notice";
import { ConfirmedSection, NotConfirmedSection } from "@/components/flows/re-authentication/re-authentication-result";
import { RecoveryCodesOnce } from "@/components/flows/recovery-codes/recovery-codes-once";
import type { RecoveryCodeStatus } from "@/lib/recovery-codes/recovery-code-status";
import dynamic from "next/dynamic";
import type { ClientBrowser } from "@/components/flows/browser-management/browser-list";

// Its own chunk: only /browsers needs it (and the browser's key store with it), so the sign-in and
// device pages, which share this component, load none of it (README, Performance: first-load JS).
const BrowserListSection = dynamic(() => import("@/components/flows/browser-management/browser-list").then((m) => m.BrowserListSection));

/**
 * Renders the current section of a flow; the same for the portal and the widget. A client component
 * fed by the flow host's serialisable view, so an answer from the flow door re-renders only this.
 */
export function FlowView({
  door,
  companyName,
  returnTo = "/account",
  recovered = null,
}: {
  door: ClientDoorView;
  companyName: string;
  returnTo?: string;
  /** The device list's notice after a sign-in with a recovery code (the devices page gives it). */
  recovered?: string | null;
}) {
  const t = useTranslations("flows");
  const { flow, subflow } = door;
  const { view } = flow;
  const data = view.data as Record<string, unknown>;
  if (flow.expired) return <Notice tone="warning">{t("expired")}</Notice>;
  switch (view.section) {
    case "ENABLE_MFA":
      return (
        <EnableMfaSection
          flowId={flow.id}
          notice={(data.notice as string | null) ?? null}
          alert={(data.alert as string | null) ?? null}
          companyName={companyName}
        />
      );
    case "DISPLAY_USER_DEVICES":
      return (
        <DeviceListSection
          flowId={flow.id}
          devices={data.devices as DeviceSummary[]}
          canAdd={Boolean(data.canAdd)}
          cannotAdd={(data.cannotAdd as string | null | undefined) ?? null}
          notice={(data.notice as string | null) ?? null}
          alert={(data.alert as string | null) ?? null}
          recoveryCodes={(data.recoveryCodes as RecoveryCodeStatus | null | undefined) ?? null}
          recovered={recovered}
        />
      );
    case "SHOW_RECOVERY_CODES":
      return (
        <RecoveryCodesOnce
          flowId={flow.id}
          codes={(data.codes as string[] | undefined) ?? []}
          companyName={companyName}
          intro={t("newRecoveryCodes")}
        />
      );
    case "UPDATE_DEVICE":
      return (
        <UpdateDeviceSection
          flowId={flow.id}
          device={data.device as DeviceSummary}
          actions={view.actions}
          confirmRemoval={Boolean(data.confirmRemoval)}
          lastActive={Boolean(data.lastActive)}
        />
      );
    case "DISPLAY_BROWSERS":
      return (
        <BrowserListSection
          flowId={flow.id}
          userId={String(data.userId)}
          browsers={data.browsers as ClientBrowser[]}
          notice={(data.notice as string | null) ?? null}
          alert={(data.alert as string | null) ?? null}
          forgotten={(data.forgotten as string[] | undefined) ?? []}
          seq={Number(data.seq ?? 0)}
          rememberDays={Number(data.rememberDays)}
        />
      );
    case "ADD_DEVICE":
      return subflow ? <RegistrationView flow={subflow} companyName={companyName} /> : null;
    case "STEP_UP":
      return subflow ? <AuthenticationView flow={subflow} /> : null;
    case "CONFIRM_PASSWORD":
      return <ConfirmPasswordSection flowId={flow.id} canCancel />;
    case "NOT_CONFIRMED":
      return <NotConfirmedSection flowId={flow.id} alert={String(data.alert)} returnTo={returnTo} />;
    case "CONFIRMED":
      return <ConfirmedSection returnTo={returnTo} />;
    default:
      return null;
  }
}
