import { z } from "zod";
import { DEVICE_TYPES } from "@/lib/devices/device-types";
import { nicknameSchema } from "@/lib/validations/devices";
import { apiEmailSchema, apiPhoneSchema, apiUserIdSchema } from "@/lib/validations/api-users";
import { passcodeTemplateSchema } from "@/lib/otp/passcode-template";

/**
 * The flow API's flows (/api/v1/flows and /api/v1/flowExecutions/{id}): what an application sends to
 * start one and with each action. The names are those of the MFA enrollment contract
 * (../shared/seeds/003_b076d941b3ab031f.txt) and of the Device Authentication subflow's states.
 */

export const API_FLOWS = ["mfa-enrollment", "device-authentication", "device-management"] as const;
export type ApiFlowName = (typeof API_FLOWS)[number];

/** The policy and the notification template variant: the step's configuration. */
const configurationSchema = z
  .strictObject({
    /** true: the installation's default policy. */
    useDefaultPolicy: z.boolean({ error: "useDefaultPolicy is required: true, or false with deviceAuthenticationPolicy.id." }),
    /** Required when useDefaultPolicy is false. The installation has one policy today, "default". */
    deviceAuthenticationPolicy: z.strictObject({ id: z.string().trim().min(1).max(64) }).optional(),
    template: passcodeTemplateSchema.pick({ variant: true }).optional(),
  })
  .refine((c) => c.useDefaultPolicy || c.deviceAuthenticationPolicy !== undefined, {
    path: ["deviceAuthenticationPolicy", "id"],
    error: "Name the policy when useDefaultPolicy is false.",
  });
export type FlowConfiguration = z.output<typeof configurationSchema>;

/** The notification template's locale and variables: the step's inputs. */
const templateInputSchema = passcodeTemplateSchema.pick({ locale: true, variables: true });

export const WEBAUTHN_COMPATIBILITY = ["FULL", "SECURITY_KEY_ONLY", "NONE"] as const;

const userReference = z.strictObject({ id: apiUserIdSchema });

export const startMfaEnrollmentSchema = z.strictObject({
  flow: z.literal("mfa-enrollment"),
  configuration: configurationSchema,
  input: z.strictObject({
    user: z.strictObject({
      id: apiUserIdSchema,
      /** The address an EMAIL device uses when device.create names none; default the user's email. */
      email: apiEmailSchema.optional(),
      /** The number an SMS or VOICE device uses when device.create names none; international format. */
      mobilePhone: apiPhoneSchema.optional(),
    }),
    /** FULL: passkeys and security keys; SECURITY_KEY_ONLY; NONE: no WebAuthn device. Default FULL. */
    webauthn: z.strictObject({ compatibility: z.enum(WEBAUTHN_COMPATIBILITY) }).optional(),
    template: templateInputSchema.optional(),
  }),
});

export const startDeviceAuthenticationSchema = z.strictObject({
  flow: z.literal("device-authentication"),
  configuration: configurationSchema,
  input: z.strictObject({
    user: userReference,
    /** Only these types may be used; default every type the user has. */
    allowedDeviceTypes: z.array(z.enum(DEVICE_TYPES)).min(1).max(DEVICE_TYPES.length).optional(),
    /** When a push to the phone times out, offer the passcode its app shows (otp.fallback). Default false. */
    allowOtpFallback: z.boolean().optional(),
    template: templateInputSchema.optional(),
  }),
});

export const startDeviceManagementSchema = z.strictObject({
  flow: z.literal("device-management"),
  configuration: configurationSchema,
  input: z.strictObject({ user: userReference }),
});

/** POST /api/v1/flows. */
export const startFlowSchema = z.discriminatedUnion("flow", [startMfaEnrollmentSchema, startDeviceAuthenticationSchema, startDeviceManagementSchema], {
  error: `flow must be one of ${API_FLOWS.join(", ")}.`,
});
export type StartFlowBody = z.output<typeof startFlowSchema>;

/** A flow execution's id in a URL: any other shape is a flow that is not found. */
export const flowExecutionIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

// A WebAuthn response as the browser's PublicKeyCredential.toJSON() gives it: the JSON text or the object.
const credentialJson = z.union([z.string().min(2).max(20_000), z.record(z.string(), z.unknown())]);

/** Every action a flow execution may offer, with its parameters (the body, minus `action`). */
export const flowActionSchemas = {
  "device.create": z.strictObject({
    type: z.enum(DEVICE_TYPES, { error: `type must be one of ${DEVICE_TYPES.join(", ")}.` }).meta({ description: "One of the state's allowedTypes." }),
    nickname: nicknameSchema.optional().meta({ description: "The device's name; a default is chosen when absent." }),
    email: apiEmailSchema.optional().meta({ description: "EMAIL: the address; default the input's user.email, else the user's own." }),
    phone: apiPhoneSchema.optional().meta({ description: "SMS, VOICE: the number, international format; default the input's user.mobilePhone." }),
    application: z
      .strictObject({ id: z.string().trim().min(1).max(64) })
      .optional()
      .meta({ description: "MOBILE: the mobile application it pairs with (one of the state's applications)." }),
    rp: z
      .strictObject({ id: z.string().trim().toLowerCase().min(1).max(253).optional(), name: z.string().trim().min(1).max(80).optional() })
      .optional()
      .meta({ description: "PLATFORM, SECURITY_KEY: `id` may only repeat this installation's RP ID; `name` is what the authenticator shows." }),
  }),
  // Which of otp and attestation is required depends on the device (lib/api/flows/mfa-enrollment.ts).
  "device.activate": z.strictObject({
    otp: z.string().trim().min(1).max(20).optional().meta({ description: "The code the device received or shows (SMS, VOICE, EMAIL, TOTP)." }),
    attestation: credentialJson.optional().meta({ description: "The new credential's `toJSON()`, as an object or its JSON text (PLATFORM, SECURITY_KEY)." }),
    /** The origin the WebAuthn ceremony ran on; default this installation's. */
    origin: z.url().max(200).optional().meta({ description: "The origin the ceremony ran on; APP_URL's or one in WEBAUTHN_API_ORIGINS." }),
  }),
  "device.skipEnrollment": z.strictObject({}),
  "device.delete": z.strictObject({}),
  "otp.resend": z.strictObject({}),
  "device.select": z.strictObject({ device: z.strictObject({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: "Not a device id." }) }) }),
  "otp.check": z.strictObject({ otp: z.string().trim().min(1, { error: "Enter the code." }).max(20) }),
  "assertion.check": z.strictObject({ assertion: credentialJson, origin: z.url().max(200).optional() }),
  "push.poll": z.strictObject({}),
  /** A new request to the phone after the last one timed out (or from the passcode). */
  "push.retry": z.strictObject({}),
  /** Enter the passcode the phone's app shows instead (PUSH_CONFIRMATION_TIMED_OUT, allowOtpFallback). */
  "otp.fallback": z.strictObject({}),
  // Device management (../shared/seeds/000_493aa910e33702d0.txt): its sections' choices.
  "mfa.enable": z.strictObject({}),
  "mfa.skip": z.strictObject({}),
  "mfa.disable": z.strictObject({}),
  "device.add": z.strictObject({}),
  "device.rename": z.strictObject({ nickname: nicknameSchema }),
  "device.setDefault": z.strictObject({}),
  "device.block": z.strictObject({}),
  "device.unblock": z.strictObject({}),
  "device.remove": z.strictObject({}),
  "flow.back": z.strictObject({}),
  "flow.complete": z.strictObject({}),
} as const;

export type FlowAction = keyof typeof flowActionSchemas;
export const FLOW_ACTIONS = Object.keys(flowActionSchemas) as FlowAction[];
export type FlowActionParams<A extends FlowAction> = z.output<(typeof flowActionSchemas)[A]>;

/** Our vendor tree: application/vnd.mfaportal.device.create+json chooses device.create. */
export const FLOW_ACTION_VENDOR = "application/vnd.mfaportal";
export const flowActionMediaType = (action: FlowAction) => `${FLOW_ACTION_VENDOR}.${action}+json`;
