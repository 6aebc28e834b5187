import "server-only";
import { createDeviceManagementFlow } from "@/lib/flows/device-management/machine";
import { deviceManagementServices } from "@/lib/flows/device-management/services";

/** Every flow the doors can start, by kind. */
export const flowMachines = {
  "device-management": createDeviceManagementFlow(deviceManagementServices),
};

export type FlowKind = keyof typeof flowMachines;
