import "server-only";
import { ApiProblem } from "@/lib/api/problem";
import type { DeviceAuthenticationState, DeviceChoice } from "@/lib/flows/device-authentication/machine";
import type { FlowSnapshot } from "@/lib/flows/flow-executions";
import { stateOf, type ApiFlowState, type FlowAdapter } from "@/lib/api/flows/flow-adapter";
import type { FlowAction, FlowActionParams, StartFlowBody } from "@/lib/validations/api-flows";

type StartAuthentication = Extract<StartFlowBody, { flow: "device-authentication" }>;

/**
 * Device authentication (../shared/seeds/004_6424acf4e61d16a2.txt) over its machine:
 *   DEVICE_SELECTION         → DEVICE_SELECTION_REQUIRED (device.select)
 *   AUTHENTICATE_WITH_OTP    → OTP_REQUIRED (otp.check, otp.resend, device.select)
 *   AUTHENTICATE_WITH_FIDO2  → ASSERTION_REQUIRED (assertion.check, device.select)
 *   AUTHENTICATE_WITH_PUSH   → PUSH_CONFIRMATION_REQUIRED (push.poll, device.select) while the phone's
 *                              request is pending: show `number`, the phone asks for it, until `pushExpiresAt`;
 *                            → PUSH_CONFIRMATION_TIMED_OUT (push.retry, otp.fallback when the input's
 *                              allowOtpFallback is on, device.select) once it has expired
 *   AUTHENTICATE_WITH_MOBILE_PASSCODE → MOBILE_PASSCODE_REQUIRED (otp.check, push.retry, device.select)
 *   RETURN_SUCCESS           → COMPLETED, result AUTHENTICATED with the method and device
 *   RETURN_ERROR             → FAILED with the reason (LOCKED with lockedUntil, TOO_MANY_ATTEMPTS, …)
 *   RETURN_NO_SECOND_FACTOR  → FAILED, NO_SECOND_FACTOR: never COMPLETED, so a client that checks only
 *                              for COMPLETED cannot let a user in without a second factor.
 * The machine's sections for the emailed link are not offered here: the link lands on our pages.
 * push.poll reads the request's fate: the phone's approval completes the flow as soon as the phone has
 * answered (COMPLETED, method "push"), a denial fails it (PUSH_DENIED), the expiry shows the timed-out
 * state; until then the state does not change. device.select of the phone itself from a push state
 * sends a new request too (change device, then the same choice).
 */
type State = DeviceAuthenticationState;

/** A device as the selection shows it before the user is authenticated: masked, default first. */
function deviceChoice(device: DeviceChoice) {
  const target = device.maskedTarget ? { [device.type === "EMAIL" ? "email" : "phone"]: device.maskedTarget } : {};
  return { id: device.id, type: device.type, nickname: device.nickname, isDefault: device.isDefault, ...target };
}

export const deviceAuthentication: FlowAdapter<StartAuthentication> = {
  name: "device-authentication",
  kind: "device-authentication",

  machineInput(start, user, policy) {
    const { input, configuration } = start;
    return {
      pingOneUserId: user.id,
      maxResend: policy.maxResends,
      allowedDeviceTypes: input.allowedDeviceTypes,
      // The client does the WebAuthn ceremony itself; every registered factor stays on offer.
      browser: { webauthn: true, platformAuthenticator: true },
      failWhenStuck: true,
      // The application asks for the passcode fallback; the policy may refuse it.
      allowOtpFallback: (input.allowOtpFallback ?? false) && policy.pushOtpFallback,
      allowCancel: false,
      magicLinkEnabled: false,
      purpose: "sign-in",
      template: { ...configuration.template, ...input.template },
    };
  },

  actionFor: {
    SELECT_DEVICE: "device.select",
    CHANGE_DEVICE: "device.select",
    SUBMIT_OTP: "otp.check",
    RESEND: "otp.resend",
    FIDO2_ASSERTION: "assertion.check",
    POLL: "push.poll",
    RETRY: "push.retry",
    USE_PASSCODE: "otp.fallback",
  },

  represent(flow: FlowSnapshot): ApiFlowState {
    if (flow.result) {
      const output = flow.result.output;
      if (flow.result.status === "success" && output.ciam_subflowResult === "AUTHENTICATED") {
        const state = stateOf<Extract<State, { section: "RETURN_SUCCESS" }>>(flow);
        return { status: "COMPLETED", properties: { result: "AUTHENTICATED", method: output.ciam_authMethod, device: state.deviceId ? { id: state.deviceId, type: state.deviceType } : null } };
      }
      if (flow.result.status === "success") {
        return { status: "FAILED", properties: { error: { code: "NO_SECOND_FACTOR", message: "This user has no device to authenticate with: enroll one first." } } };
      }
      return {
        status: "FAILED",
        properties: {
          error: {
            code: output.ciam_errorDetails ?? "AUTHENTICATION_FAILED",
            message: output.ciam_errorMessage,
            ...(output.ciam_lockedUntil ? { lockedUntil: output.ciam_lockedUntil } : {}),
          },
        },
      };
    }
    const state = stateOf<State>(flow);
    const data = flow.view.data;
    switch (state.section) {
      case "DEVICE_SELECTION":
        return { status: "DEVICE_SELECTION_REQUIRED", properties: { devices: state.usable.map(deviceChoice) } };
      case "AUTHENTICATE_WITH_OTP":
        return { status: "OTP_REQUIRED", properties: { selectedDevice: deviceChoice(data.device as DeviceChoice), notice: data.notice ?? null } };
      case "AUTHENTICATE_WITH_FIDO2":
        return {
          status: "ASSERTION_REQUIRED",
          properties: { selectedDevice: deviceChoice(data.device as DeviceChoice), publicKeyCredentialRequestOptions: data.options },
        };
      case "AUTHENTICATE_WITH_PUSH":
        if (data.timedOut) return { status: "PUSH_CONFIRMATION_TIMED_OUT", properties: { selectedDevice: deviceChoice(data.device as DeviceChoice) } };
        return {
          status: "PUSH_CONFIRMATION_REQUIRED",
          // Not `expiresAt`: that member is the execution's own idle expiry.
          properties: { selectedDevice: deviceChoice(data.device as DeviceChoice), number: data.number, pushExpiresAt: data.expiresAt },
        };
      case "AUTHENTICATE_WITH_MOBILE_PASSCODE":
        return { status: "MOBILE_PASSCODE_REQUIRED", properties: { selectedDevice: deviceChoice(data.device as DeviceChoice) } };
      default:
        throw new Error(`device-authentication: no API state for section ${state.section}`);
    }
  },

  events<A extends FlowAction>(action: A, params: FlowActionParams<A>, flow: FlowSnapshot) {
    const state = stateOf<State>(flow);
    switch (action) {
      case "device.select": {
        const { device } = params as FlowActionParams<"device.select">;
        // Only a device of this flow's own list, checked before anything changes (security.md item 11).
        if (!("usable" in state) || !state.usable.some((d) => d.id === device.id)) throw new ApiProblem("NOT_FOUND", "Device not found.");
        const select = { type: "SELECT_DEVICE", deviceId: device.id };
        // From a code or key, choosing again is "change device" then the choice.
        return state.section === "DEVICE_SELECTION" ? [select] : [{ type: "CHANGE_DEVICE" }, select];
      }
      case "otp.check":
        return [{ type: "SUBMIT_OTP", otp: (params as FlowActionParams<"otp.check">).otp }];
      case "otp.resend":
        return [{ type: "RESEND" }];
      case "push.poll":
        return [{ type: "POLL" }];
      case "push.retry":
        return [{ type: "RETRY" }];
      case "otp.fallback":
        return [{ type: "USE_PASSCODE" }];
      case "assertion.check": {
        const { assertion, origin } = params as FlowActionParams<"assertion.check">;
        return [{ type: "FIDO2_ASSERTION", assertion: typeof assertion === "string" ? assertion : JSON.stringify(assertion), origin }];
      }
      default:
        return [];
    }
  },
};
