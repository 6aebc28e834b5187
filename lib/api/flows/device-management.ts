import "server-only";
import type { DeviceSummary } from "@/lib/devices/list-devices";
import { deviceResource } from "@/lib/api/devices/device-resource";
import type { DeviceManagementState } from "@/lib/flows/device-management/machine";
import type { FlowSnapshot } from "@/lib/flows/flow-executions";
import { stateOf, type ApiFlowState, type FlowAdapter } from "@/lib/api/flows/flow-adapter";
import type { FlowAction, FlowActionParams, StartFlowBody } from "@/lib/validations/api-flows";

type StartManagement = Extract<StartFlowBody, { flow: "device-management" }>;

/**
 * Device management (../shared/seeds/000_493aa910e33702d0.txt) over its machine, for a client that
 * shows its user the same screens as our widget:
 *   ENABLE_MFA            → MFA_ENABLEMENT_OFFERED (mfa.enable, mfa.skip); mfa.enable goes straight
 *                           to the registration subflow: MFA is on only once the first device works
 *   DISPLAY_USER_DEVICES  → DEVICE_LIST (device.add, device.select, mfa.disable, flow.complete)
 *   UPDATE_DEVICE         → DEVICE_SELECTED (device.rename, device.setDefault, device.block or
 *                           device.unblock, device.remove, flow.back)
 *   ADD_DEVICE            → the registration subflow's enrollment states (see mfa-enrollment.ts);
 *                           when it ends the list comes back
 *   RETURN_SUCCESS        → COMPLETED; RETURN_ERROR → FAILED
 * The step-up sections never show here: the application vouches for its user. A server that only
 * needs one change at a time has the same operations as resources: /users/{id}/devices.
 */
type State = DeviceManagementState;

/** A device as the list shows it: the devices resource's representation, with its link. */
const device = (flow: FlowSnapshot, summary: DeviceSummary) => deviceResource(flow.userId!, summary);

export const deviceManagement: FlowAdapter<StartManagement> = {
  name: "device-management",
  kind: "device-management",

  machineInput() {
    return {};
  },

  actionFor: {
    ENABLE_MFA: "mfa.enable",
    SKIP: "mfa.skip",
    ADD: "device.add",
    SELECT_DEVICE: "device.select",
    DISABLE_MFA: "mfa.disable",
    DONE: "flow.complete",
    RENAME: "device.rename",
    MAKE_DEFAULT: "device.setDefault",
    BLOCK: "device.block",
    UNBLOCK: "device.unblock",
    REMOVE: "device.remove",
    BACK: "flow.back",
  },

  subflowOf(flow) {
    const state = stateOf<State>(flow);
    return !flow.result && state.section === "ADD_DEVICE" ? state.subflowId : null;
  },

  represent(flow: FlowSnapshot): ApiFlowState {
    if (flow.result) {
      if (flow.result.status === "success") return { status: "COMPLETED", properties: { result: "DONE" } };
      return { status: "FAILED", properties: { error: { code: flow.result.output.ciam_errorCode, message: flow.result.output.ciam_errorMessage } } };
    }
    const state = stateOf<State>(flow);
    const data = flow.view.data;
    switch (state.section) {
      case "ENABLE_MFA":
        return { status: "MFA_ENABLEMENT_OFFERED", properties: { notice: data.notice ?? null } };
      case "DISPLAY_USER_DEVICES":
        return {
          status: "DEVICE_LIST",
          properties: { devices: (data.devices as DeviceSummary[]).map((d) => device(flow, d)), canAdd: data.canAdd, notice: data.notice ?? null, alert: data.alert ?? null },
        };
      case "UPDATE_DEVICE":
        return { status: "DEVICE_SELECTED", properties: { device: device(flow, data.device as DeviceSummary), lastActiveDevice: data.lastActive } };
      default:
        throw new Error(`device-management: no API state for section ${state.section}`);
    }
  },

  events<A extends FlowAction>(action: A, params: FlowActionParams<A>) {
    switch (action) {
      case "mfa.enable":
        return [{ type: "ENABLE_MFA" }];
      case "mfa.skip":
        return [{ type: "SKIP" }];
      case "device.add":
        return [{ type: "ADD" }];
      case "device.select":
        return [{ type: "SELECT_DEVICE", deviceId: (params as FlowActionParams<"device.select">).device.id }];
      case "mfa.disable":
        return [{ type: "DISABLE_MFA" }];
      case "flow.complete":
        return [{ type: "DONE" }];
      case "device.rename":
        return [{ type: "RENAME", nickname: (params as FlowActionParams<"device.rename">).nickname }];
      case "device.setDefault":
        return [{ type: "MAKE_DEFAULT" }];
      case "device.block":
        return [{ type: "BLOCK" }];
      case "device.unblock":
        return [{ type: "UNBLOCK" }];
      // The page's "Remove", then "Yes, remove": a request is already a deliberate choice.
      case "device.remove":
        return [{ type: "REMOVE" }, { type: "CONFIRM_REMOVE" }];
      case "flow.back":
        return [{ type: "BACK" }];
      default:
        return [];
    }
  },
};
