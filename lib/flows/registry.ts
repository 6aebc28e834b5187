import "server-only";
import { createDeviceManagementFlow } from "@/lib/flows/device-management/machine";
import { deviceManagementServices } from "@/lib/flows/device-management/services";
import { createDeviceRegistrationFlow } from "@/lib/flows/device-registration/machine";
import { deviceRegistrationServices } from "@/lib/flows/device-registration/services";
import { createDeviceAuthenticationFlow } from "@/lib/flows/device-authentication/machine";
import { deviceAuthenticationServices } from "@/lib/flows/device-authentication/services";

/** Every flow the doors can start, by kind. */
export const flowMachines = {
  "device-management": createDeviceManagementFlow(deviceManagementServices),
  "device-registration": createDeviceRegistrationFlow(deviceRegistrationServices),
  "device-authentication": createDeviceAuthenticationFlow(deviceAuthenticationServices),
};

export type FlowKind = keyof typeof flowMachines;
