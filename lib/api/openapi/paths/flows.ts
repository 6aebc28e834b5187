import "server-only";
import { z } from "zod";
import { authenticated, errors, HAL_JSON, halLinksSchema } from "@/lib/api/openapi/components";
import type { ApiFamily } from "@/lib/api/openapi/family";
import { DEVICE_TYPES } from "@/lib/devices/device-types";
import {
  API_FLOWS,
  FLOW_ACTIONS,
  flowActionMediaType,
  flowActionSchemas,
  flowExecutionIdSchema,
  startFlowSchema,
  type FlowAction,
} from "@/lib/validations/api-flows";

/**
 * The flows (app/api/v1/flows, app/api/v1/flowExecutions/[id]). Requests are the schemas the routes
 * parse with: the start request, and each action's parameters under its own media type (plus the plain
 * JSON form that names the action). A flow execution's members depend on its state; they are listed
 * here as optional members, each saying in which states it appears (lib/api/flows/*.ts build them).
 */

const STATES = [
  "DEVICE_ENROLLMENT_REQUIRED",
  "ACTIVATION_REQUIRED",
  "PAIRING_REQUIRED",
  "MOBILE_PAIRING_FAILURE",
  "DEVICE_SELECTION_REQUIRED",
  "OTP_REQUIRED",
  "ASSERTION_REQUIRED",
  "PUSH_CONFIRMATION_REQUIRED",
  "PUSH_CONFIRMATION_TIMED_OUT",
  "MOBILE_PASSCODE_REQUIRED",
  "MFA_ENABLEMENT_OFFERED",
  "DEVICE_LIST",
  "DEVICE_SELECTED",
  "COMPLETED",
  "FAILED",
] as const;

const deviceType = z.enum(DEVICE_TYPES);
const maskedDevice = z
  .looseObject({
    id: z.string().optional(),
    type: deviceType,
    nickname: z.string().nullable().optional(),
    status: z.string().optional(),
    isDefault: z.boolean().optional(),
    phone: z.string().optional().meta({ description: "Masked: the last digits only." }),
    email: z.string().optional().meta({ description: "Masked." }),
  })
  .meta({ id: "FlowDevice", description: "A device as a flow shows it: masked, never a secret or key (except a TOTP secret being enrolled)." });

export const flowExecutionSchema = z
  .looseObject({
    id: z.string().meta({ description: "The execution's id; its URL is `_links.self`." }),
    flow: z.enum(API_FLOWS),
    status: z.enum(STATES).meta({ description: "The state. `_links` holds exactly the actions it allows." }),
    user: z.strictObject({ id: z.string() }),
    expiresAt: z.iso.datetime().nullable().meta({ description: "When it expires unless an action comes first; null once ended." }),
    email: z.string().nullable().optional().meta({ description: "DEVICE_ENROLLMENT_REQUIRED: the address given in the input." }),
    mobilePhone: z.string().nullable().optional().meta({ description: "DEVICE_ENROLLMENT_REQUIRED: the number given in the input." }),
    allowedTypes: z.array(deviceType).optional().meta({ description: "DEVICE_ENROLLMENT_REQUIRED: the types device.create takes now." }),
    unavailableTypes: z
      .array(z.strictObject({ type: deviceType, reason: z.string().nullable() }))
      .optional()
      .meta({ description: "DEVICE_ENROLLMENT_REQUIRED: the other types, and why." }),
    mfaSettings: z.record(z.string(), z.unknown()).optional().meta({ description: "DEVICE_ENROLLMENT_REQUIRED: pairing limits, lockout, passcode settings." }),
    applications: z
      .array(z.looseObject({ id: z.string(), name: z.string() }))
      .optional()
      .meta({ description: "DEVICE_ENROLLMENT_REQUIRED: the mobile applications a MOBILE device pairs with (device.create's application.id)." }),
    pairingKey: z
      .looseObject({ code: z.string(), qrUrl: z.url(), qrImage: z.string(), account: z.string(), expiresAt: z.iso.datetime() })
      .nullable()
      .optional()
      .meta({
        description:
          "PAIRING_REQUIRED: what the person's phone uses, once, before expiresAt: the QR code (its URL opens our authenticator and pairs it), or the typed code with the account. Poll self until COMPLETED.",
      }),
    device: z
      .union([maskedDevice, z.null()])
      .optional()
      .meta({
        description:
          "ACTIVATION_REQUIRED: the pending device (for TOTP with `secret`, `keyUri`, `qrImage`); COMPLETED: the device enrolled or used; DEVICE_SELECTED: the device.",
      }),
    otp: z.looseObject({ resendsLeft: z.int(), notice: z.string().nullable() }).optional().meta({ description: "ACTIVATION_REQUIRED for SMS, VOICE, EMAIL." }),
    publicKeyCredentialCreationOptions: z.record(z.string(), z.unknown()).optional().meta({
      description: "ACTIVATION_REQUIRED for PLATFORM and SECURITY_KEY: for navigator.credentials.create() (PublicKeyCredential.parseCreationOptionsFromJSON).",
    }),
    publicKeyCredentialRequestOptions: z.record(z.string(), z.unknown()).optional().meta({
      description: "ASSERTION_REQUIRED: for navigator.credentials.get() (PublicKeyCredential.parseRequestOptionsFromJSON).",
    }),
    devices: z.array(maskedDevice).optional().meta({ description: "DEVICE_SELECTION_REQUIRED (default first) and DEVICE_LIST." }),
    selectedDevice: maskedDevice
      .optional()
      .meta({ description: "OTP_REQUIRED, ASSERTION_REQUIRED, PUSH_CONFIRMATION_REQUIRED, PUSH_CONFIRMATION_TIMED_OUT and MOBILE_PASSCODE_REQUIRED." }),
    number: z
      .int()
      .min(10)
      .max(99)
      .optional()
      .meta({ description: "PUSH_CONFIRMATION_REQUIRED: show it to the user, who chooses it on the phone (number matching). Poll with push.poll." }),
    pushExpiresAt: z.iso
      .datetime()
      .optional()
      .meta({ description: "PUSH_CONFIRMATION_REQUIRED: when the phone's request times out (then PUSH_CONFIRMATION_TIMED_OUT, with push.retry)." }),
    notice: z.string().nullable().optional().meta({ description: "What just happened, in words that can be shown." }),
    alert: z.string().nullable().optional().meta({ description: "DEVICE_LIST: why the last change did not happen." }),
    canAdd: z.boolean().optional().meta({ description: "DEVICE_LIST: whether device.add is offered." }),
    lastActiveDevice: z.boolean().optional().meta({ description: "DEVICE_SELECTED: removing it turns MFA off." }),
    result: z.enum(["ENROLLED", "SKIPPED", "AUTHENTICATED", "DONE"]).optional().meta({ description: "COMPLETED." }),
    method: z.enum(["otp", "totp", "webauthn", "push", "mobile_passcode"]).optional().meta({ description: "COMPLETED authentication: how the user proved it." }),
    error: z
      .looseObject({ code: z.string(), message: z.string(), lockedUntil: z.iso.datetime().optional() })
      .optional()
      .meta({ description: "FAILED: `code` (LOCKED with `lockedUntil`, TOO_MANY_ATTEMPTS, TOO_MANY_RESENDS, NO_SECOND_FACTOR, …) and `message`." }),
    _links: halLinksSchema,
  })
  .meta({ id: "FlowExecution", description: "A running or ended flow: its state, that state's members, and its allowed actions as links." });

/** The plain-JSON form of every action: its parameters and `action` naming it. */
const namedActionSchema = z
  .discriminatedUnion(
    "action",
    FLOW_ACTIONS.map((action) => flowActionSchemas[action].extend({ action: z.literal(action) })) as unknown as [z.ZodObject, ...z.ZodObject[]],
  )
  .meta({ id: "NamedFlowAction", description: "Any action as `application/json`, for proxies that strip custom media types." });

const actionContent = Object.fromEntries([
  ...FLOW_ACTIONS.map((action: FlowAction) => [flowActionMediaType(action), { schema: flowActionSchemas[action] }]),
  ["application/json", { schema: namedActionSchema }],
]);

const flowPath = z.object({ id: flowExecutionIdSchema });
const location = z.object({ Location: z.url().meta({ description: "The execution's URL (its `self` link)." }) });

export const flows: ApiFamily = {
  tag: {
    name: "Flows",
    description:
      "MFA enrollment, device authentication and device management as flows: each execution is in one state, whose `_links` are exactly the actions it allows. Act by POSTing to the execution with the action's media type. An execution belongs to the application that started it and expires when idle (410).",
  },
  paths: {
    "/flows": {
      post: authenticated({
        operationId: "startFlow",
        summary: "Start a flow for a user",
        description:
          "Starts `mfa-enrollment`, `device-authentication` or `device-management` for one of your users (another application's user is 404). `configuration.useDefaultPolicy` is required; the installation has one policy, `default`.",
        requestBody: { required: true, content: { "application/json": { schema: startFlowSchema } } },
        responses: {
          "201": { description: "The execution, in its first state.", headers: location, content: { [HAL_JSON]: { schema: flowExecutionSchema } } },
          ...errors(400, 404, 413, 415),
        },
      }),
    },
    "/flowExecutions/{id}": {
      get: authenticated({
        operationId: "getFlowExecution",
        summary: "Read a flow execution",
        description: "Its current state and allowed actions; poll it while waiting. Another application's execution is 404; an idle one is 410.",
        requestParams: { path: flowPath },
        responses: {
          "200": { description: "The execution.", content: { [HAL_JSON]: { schema: flowExecutionSchema } } },
          ...errors(404, 410),
        },
      }),
      post: authenticated({
        operationId: "actOnFlowExecution",
        summary: "Act on a flow execution",
        description:
          "One action of those in `_links`, chosen by the body's media type (`application/vnd.mfaportal.<action>+json`), or `application/json` with `action`. An action the state does not offer (a replay, another state's) is 409 `ACTION_NOT_ALLOWED` with `allowedActions`.",
        requestParams: { path: flowPath },
        requestBody: { required: true, content: actionContent },
        responses: {
          "200": { description: "The execution in its next state.", content: { [HAL_JSON]: { schema: flowExecutionSchema } } },
          ...errors(400, 404, 409, 410, 413, 415, 423),
        },
      }),
    },
  },
};
