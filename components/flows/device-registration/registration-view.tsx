"use client";

import type { ClientFlow } from "@/lib/flows/client-door";
import type { Eligibility } from "@/lib/devices/device-eligibility";
import type { PhoneCountry } from "@/lib/phone/countries";
import { GatherCapabilities } from "@/components/flows/device-registration/gather-capabilities";
import { ConfirmPasswordSection } from "@/components/flows/device-registration/confirm-password";
import { SelectDeviceSection } from "@/components/flows/device-registration/select-device";
import { EnterPhoneSection } from "@/components/flows/device-registration/enter-phone";
import { EnterEmailSection } from "@/components/flows/device-registration/enter-email";
import { AskForOtpSection } from "@/components/flows/device-registration/ask-for-otp";
import { AuthenticatorAppSection } from "@/components/flows/device-registration/authenticator-app";
import { RegisterFido2Section } from "@/components/flows/device-registration/register-fido2";
import { PairMobileSection } from "@/components/flows/device-registration/pair-mobile";
import { RecoveryCodesOnce } from "@/components/flows/recovery-codes/recovery-codes-once";
import { useTranslations } from "use-intl";

/** The registration subflow's current section. */
export function RegistrationView({ flow, companyName }: { flow: ClientFlow; companyName: string }) {
  const t = useTranslations("recoveryCodes");
  const { view } = flow;
  const data = view.data as Record<string, unknown>;
  const canCancel = view.actions.includes("CANCEL");
  switch (view.section) {
    case "GATHER_DEVICE_TYPES":
      return <GatherCapabilities flowId={flow.id} />;
    case "CONFIRM_PASSWORD":
      return <ConfirmPasswordSection flowId={flow.id} canCancel={canCancel} />;
    case "SELECT_DEVICE":
      return (
        <SelectDeviceSection
          flowId={flow.id}
          eligibility={data.eligibility as Eligibility[]}
          allowPassword={Boolean(data.allowPassword)}
          canCancel={canCancel}
        />
      );
    case "ENTER_PHONE":
      return <EnterPhoneSection flowId={flow.id} deviceType={data.deviceType as "SMS" | "VOICE"} countries={(data.countries as PhoneCountry[] | undefined) ?? []} canCancel={canCancel} />;
    case "ENTER_EMAIL":
      return <EnterEmailSection flowId={flow.id} canCancel={canCancel} />;
    case "ASK_FOR_OTP":
      return (
        <AskForOtpSection
          flowId={flow.id}
          deviceType={data.deviceType as "SMS" | "VOICE" | "EMAIL"}
          maskedTarget={String(data.maskedTarget)}
          notice={(data.notice as string | null) ?? null}
          canResend={view.actions.includes("RESEND")}
          canCancel={canCancel}
        />
      );
    case "SET_UP_AUTHENTICATOR_APP":
      return <AuthenticatorAppSection flowId={flow.id} qrDataUrl={String(data.qrDataUrl)} secret={String(data.secret)} canCancel={canCancel} />;
    case "REGISTER_FIDO2_DEVICE":
      return (
        <RegisterFido2Section
          flowId={flow.id}
          deviceType={data.deviceType as "PLATFORM" | "SECURITY_KEY"}
          options={data.options as object}
          canCancel={canCancel}
        />
      );
    case "PAIR_MOBILE_DEVICE":
      return <PairMobileSection flowId={flow.id} data={data as Parameters<typeof PairMobileSection>[0]["data"]} canCancel={canCancel} />;
    case "SHOW_RECOVERY_CODES":
      return (
        <RecoveryCodesOnce
          flowId={flow.id}
          codes={(data.codes as string[] | undefined) ?? []}
          companyName={companyName}
          intro={t("once.introFirstDevice")}
        />
      );
    default:
      return null;
  }
}
