import "server-only";
import { createDeviceManagementFlow } from "@/lib/flows/device-management/machine";
import { deviceManagementServices } from "@/lib/flows/device-management/services";
import { createDeviceRegistrationFlow } from "@/lib/flows/device-registration/machine";
import { deviceRegistrationServices } from "@/lib/flows/device-registration/services";

/** Every flow the doors can start, by kind. */
export const flowMachines = {
  "device-management": createDeviceManagementFlow(deviceManagementServices),
  "device-registration": createDeviceRegistrationFlow(deviceRegistrationServices),
};

export type FlowKind = keyof typeof flowMachines;
