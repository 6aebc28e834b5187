import type { FlowSnapshot } from "@/lib/flows/flow-executions";
import type { DeviceChoice } from "@/lib/flows/device-authentication/machine";
import { GatherCapabilities } from "@/components/flows/device-registration/gather-capabilities";
import { DeviceSelectionSection } from "@/components/flows/device-authentication/device-selection";
import { OtpAuthenticationSection } from "@/components/flows/device-authentication/otp-authentication";
import { Fido2AuthenticationSection } from "@/components/flows/device-authentication/fido2-authentication";
import { MagicLinkWaitSection } from "@/components/flows/device-authentication/magic-link-wait";

/** The Device Authentication subflow's current section. `signingIn`: the session still waits for it. */
export function AuthenticationView({ flow, signingIn }: { flow: FlowSnapshot; signingIn: boolean }) {
  const { view } = flow;
  const data = view.data as Record<string, unknown>;
  const actions = view.actions;
  switch (view.section) {
    case "GATHER_BROWSER_AND_DEVICES":
      return <GatherCapabilities flowId={flow.id} title="Confirm it's you" signingIn={signingIn} />;
    case "DEVICE_SELECTION":
      return (
        <DeviceSelectionSection
          flowId={flow.id}
          devices={data.devices as DeviceChoice[]}
          magicLink={actions.includes("MAGIC_LINK")}
          canCancel={actions.includes("CANCEL")}
          signingIn={signingIn}
        />
      );
    case "AUTHENTICATE_WITH_OTP":
      return (
        <OtpAuthenticationSection
          flowId={flow.id}
          device={data.device as DeviceChoice}
          notice={(data.notice as string | null) ?? null}
          actions={actions}
          signingIn={signingIn}
        />
      );
    case "AUTHENTICATE_WITH_FIDO2":
      return (
        <Fido2AuthenticationSection
          flowId={flow.id}
          device={data.device as DeviceChoice}
          options={data.options as object}
          actions={actions}
          signingIn={signingIn}
        />
      );
    case "CALL_MAGIC_LINK_AUTHENTICATION":
      return <MagicLinkWaitSection flowId={flow.id} actions={actions} signingIn={signingIn} />;
    default:
      return null;
  }
}
