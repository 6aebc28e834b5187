import "server-only";
import { config } from "@/lib/config";
import { currentBranding } from "@/lib/branding/current-branding";
import { ApiProblem } from "@/lib/api/problem";
import { relyingParty } from "@/lib/webauthn/relying-party";
import { devicePolicyFor } from "@/lib/policy/device-policy";
import type { AllowedTypeName, Eligibility } from "@/lib/devices/device-eligibility";
import type { Browser, DeviceRegistrationState } from "@/lib/flows/device-registration/machine";
import type { FlowSnapshot } from "@/lib/flows/flow-executions";
import { stateOf, type ApiFlowState, type FlowAdapter } from "@/lib/api/flows/flow-adapter";
import type { FlowAction, FlowActionParams } from "@/lib/validations/api-flows";

type StartEnrollment = Extract<import("@/lib/validations/api-flows").StartFlowBody, { flow: "mfa-enrollment" }>;

/**
 * MFA enrollment (../shared/seeds/003_b076d941b3ab031f.txt) over the Device Registration machine:
 *   SELECT_DEVICE                          → DEVICE_ENROLLMENT_REQUIRED (device.create, device.skipEnrollment)
 *   ASK_FOR_OTP, SET_UP_AUTHENTICATOR_APP,
 *   REGISTER_FIDO2_DEVICE                  → ACTIVATION_REQUIRED (device.activate, otp.resend, device.delete)
 *   RETURN_SUCCESS                         → COMPLETED, result ENROLLED (device.id, device.type) or SKIPPED
 *   RETURN_ERROR                           → FAILED (error.code, error.message)
 * The gathering and policy sections pass by themselves: the browser's capabilities come from
 * `webauthn.compatibility`, and the application vouches for its user (no session to be recent).
 *   PAIR_MOBILE_DEVICE                     → PAIRING_REQUIRED (poll self until the phone pairs; device.delete)
 *                                            or MOBILE_PAIRING_FAILURE once the key expired (device.delete)
 */
type State = DeviceRegistrationState;

/**
 * The mobile applications a MOBILE device pairs with (seed 003's `applications`, device.create's
 * `application.id`): our authenticator, served by this installation at /authenticator.
 */
export const AUTHENTICATOR_APPLICATION_ID = "authenticator";
const mobileApplications = async () => [
  { id: AUTHENTICATOR_APPLICATION_ID, name: `${(await currentBranding()).companyName} Authenticator`, url: `${config().appUrl}/authenticator` },
];

const ACTIVATION_SECTIONS = new Set<State["section"]>(["ASK_FOR_OTP", "SET_UP_AUTHENTICATOR_APP", "REGISTER_FIDO2_DEVICE"]);

/**
 * What the caller's client can do with WebAuthn, as the machine's browser capabilities (which decide
 * whether passkeys and security keys are offered) and, for SECURITY_KEY_ONLY, the types allowed.
 */
function compatibility(value: "FULL" | "SECURITY_KEY_ONLY" | "NONE" | undefined): { browser: Browser; allowedDeviceTypes?: AllowedTypeName[] } {
  switch (value ?? "FULL") {
    case "FULL":
      return { browser: { webauthn: true, platformAuthenticator: true } };
    case "SECURITY_KEY_ONLY":
      return { browser: { webauthn: true, platformAuthenticator: false }, allowedDeviceTypes: ["SMS", "EMAIL", "VOICE", "TOTP", "MOBILE", "SECURITY_KEY"] };
    case "NONE":
      return { browser: { webauthn: false, platformAuthenticator: false } };
  }
}

/** The policy's MFA settings a client may want to explain to its user (seed 003's mfaSettings). */
async function mfaSettings() {
  const policy = await devicePolicyFor();
  return {
    pairing: { maxAllowedDevices: policy.maxDevicesPerUser, maxAllowedDevicesPerType: policy.maxDevicesPerType },
    lockout: { failureCount: policy.lockoutThreshold, durationSeconds: policy.lockoutMinutes * 60 },
    otp: {
      length: policy.passcodeLength,
      lifeTimeSeconds: policy.passcodeLifetimeMinutes * 60,
      maxAttempts: policy.passcodeAttempts,
      maxResends: policy.maxResends,
    },
    authentication: { webauthnUserVerification: policy.webauthnUserVerification },
  };
}

function pendingDevice(state: State, data: Record<string, unknown>) {
  switch (state.section) {
    case "ASK_FOR_OTP":
      return {
        id: state.deviceId,
        type: state.type,
        status: "ACTIVATION_REQUIRED",
        nickname: state.nickname ?? null,
        [state.type === "EMAIL" ? "email" : "phone"]: data.maskedTarget,
      };
    case "SET_UP_AUTHENTICATOR_APP":
      // The secret is the enrollment itself: the client shows it (or the QR code) to its user once.
      return { id: state.deviceId, type: "TOTP", status: "ACTIVATION_REQUIRED", secret: data.secret, keyUri: data.uri, qrImage: data.qrDataUrl };
    case "REGISTER_FIDO2_DEVICE":
      // A WebAuthn device exists only once its credential is verified, so it has no id yet.
      return { type: state.type, status: "ACTIVATION_REQUIRED", nickname: state.nickname ?? null };
    default:
      return null;
  }
}

export const mfaEnrollment: FlowAdapter<StartEnrollment> = {
  name: "mfa-enrollment",
  kind: "device-registration",

  machineInput(start, user, policy) {
    const { input, configuration } = start;
    const webauthn = compatibility(input.webauthn?.compatibility);
    return {
      pingOneUserId: user.id,
      email: input.user.email,
      mobilePhone: input.user.mobilePhone,
      browser: webauthn.browser,
      allowedDeviceTypes: webauthn.allowedDeviceTypes,
      allowCancel: false,
      // Skipping is the policy's to allow: it is the machine's "use the password" choice.
      passwordlessRequired: !policy.enrollmentSkippable,
      template: { ...configuration.template, ...input.template },
    };
  },

  actionFor: {
    SELECT_TYPE: "device.create",
    USE_PASSWORD: "device.skipEnrollment",
    SUBMIT_OTP: "device.activate",
    FIDO2_ATTESTATION: "device.activate",
    RESEND: "otp.resend",
    BACK: "device.delete",
  },

  async represent(flow: FlowSnapshot): Promise<ApiFlowState> {
    const state = stateOf<State>(flow);
    if (flow.result) {
      const output = flow.result.output;
      if (flow.result.status === "error") {
        return { status: "FAILED", properties: { error: { code: output.ciam_errorDetails ?? "ENROLLMENT_FAILED", message: output.ciam_errorMessage } } };
      }
      if (output.ciam_subflowResult === "ENROLLED") return { status: "COMPLETED", properties: { result: "ENROLLED", device: output.device } };
      return { status: "COMPLETED", properties: { result: "SKIPPED" } };
    }
    const data = flow.view.data;
    if (state.section === "SELECT_DEVICE") {
      const input = flow.input as { email?: string; mobilePhone?: string };
      const eligibility = (data.eligibility as Eligibility[] | undefined) ?? [];
      return {
        status: "DEVICE_ENROLLMENT_REQUIRED",
        properties: {
          email: input.email ?? null,
          mobilePhone: input.mobilePhone ?? null,
          allowedTypes: eligibility.filter((e) => e.available).map((e) => e.type),
          // Why the others are not offered (a type's limit reached, turned off), for the client's words.
          unavailableTypes: eligibility.filter((e) => !e.available).map((e) => ({ type: e.type, reason: e.reason ?? null })),
          mfaSettings: await mfaSettings(),
          applications: await mobileApplications(),
        },
      };
    }
    if (ACTIVATION_SECTIONS.has(state.section)) {
      const properties: Record<string, unknown> = { device: pendingDevice(state, data) };
      if (state.section === "ASK_FOR_OTP") {
        properties.otp = { resendsLeft: data.resendsLeft, notice: data.notice };
      }
      if (state.section === "REGISTER_FIDO2_DEVICE") properties.publicKeyCredentialCreationOptions = data.options;
      return { status: "ACTIVATION_REQUIRED", properties };
    }
    if (state.section === "PAIR_MOBILE_DEVICE") {
      const device = { id: state.deviceId, type: "MOBILE", status: "ACTIVATION_REQUIRED" };
      if (data.status === "EXPIRED") {
        return {
          status: "MOBILE_PAIRING_FAILURE",
          properties: { device, error: { code: "PAIRING_KEY_EXPIRED", message: "The pairing key expired before a phone used it. Delete the device and create it again." } },
        };
      }
      // PAIRED is a moment: the phone has paired and the flow's own event follows.
      const pending = data.status === "PENDING";
      return {
        status: "PAIRING_REQUIRED",
        properties: {
          device,
          pairingKey: pending ? { code: data.pairingKey, qrUrl: data.qrUrl, qrImage: data.qrDataUrl, account: data.account, expiresAt: data.expiresAt } : null,
        },
      };
    }
    // The machine rests nowhere else when driven through this door (see machineInput and events).
    throw new Error(`mfa-enrollment: no API state for section ${state.section}`);
  },

  events<A extends FlowAction>(action: A, params: FlowActionParams<A>, flow: FlowSnapshot) {
    const state = stateOf<State>(flow);
    switch (action) {
      case "device.create": {
        const p = params as FlowActionParams<"device.create">;
        if (p.type === "MOBILE" && p.application?.id !== AUTHENTICATOR_APPLICATION_ID) {
          throw new ApiProblem("VALIDATION_FAILED", "A MOBILE device pairs with one of the state's applications.", {
            errors: [{ field: "application.id", pointer: "/application/id", detail: `Use "${AUTHENTICATOR_APPLICATION_ID}".` }],
          });
        }
        if (p.rp?.id !== undefined && p.rp.id !== relyingParty().id) {
          throw new ApiProblem("VALIDATION_FAILED", "This installation's passkeys are bound to another RP ID.", {
            errors: [{ field: "rp.id", pointer: "/rp/id", detail: `Use "${relyingParty().id}", or leave rp.id out.` }],
          });
        }
        const input = flow.input as { mobilePhone?: string };
        if ((p.type === "SMS" || p.type === "VOICE") && !p.phone && !input.mobilePhone) {
          throw new ApiProblem("VALIDATION_FAILED", "An SMS or voice device needs a phone number.", {
            errors: [{ field: "phone", pointer: "/phone", detail: "Send phone, or start the flow with input.user.mobilePhone." }],
          });
        }
        return [{ type: "SELECT_TYPE", deviceType: p.type, nickname: p.nickname, phone: p.phone, email: p.email, rpName: p.rp?.name }];
      }
      case "device.skipEnrollment":
        return [{ type: "USE_PASSWORD" }];
      case "device.activate": {
        const p = params as FlowActionParams<"device.activate">;
        if (p.otp !== undefined && p.attestation !== undefined) {
          throw new ApiProblem("VALIDATION_FAILED", "Send either otp or attestation, not both.", {
            errors: [{ field: "attestation", pointer: "/attestation", detail: "Leave out what this device does not use." }],
          });
        }
        if (state.section === "REGISTER_FIDO2_DEVICE") {
          if (p.attestation === undefined) throw missing("attestation", "A passkey or security key is activated with its attestation.");
          const attestation = typeof p.attestation === "string" ? p.attestation : JSON.stringify(p.attestation);
          return [{ type: "FIDO2_ATTESTATION", attestation, origin: p.origin }];
        }
        if (p.otp === undefined) throw missing("otp", "This device is activated with the code it received.");
        return [{ type: "SUBMIT_OTP", otp: p.otp }];
      }
      case "device.delete":
        return [{ type: "BACK" }];
      case "otp.resend":
        return [{ type: "RESEND" }];
      default:
        return [];
    }
  },
};

function missing(field: string, detail: string) {
  return new ApiProblem("VALIDATION_FAILED", detail, { errors: [{ field, pointer: `/${field}`, detail: `${field} is required in this state.` }] });
}
