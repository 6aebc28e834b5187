import "server-only";
import { createDeviceManagementFlow } from "@/lib/flows/device-management/machine";
import { deviceManagementServices } from "@/lib/flows/device-management/services";
import { createDeviceRegistrationFlow } from "@/lib/flows/device-registration/machine";
import { deviceRegistrationServices } from "@/lib/flows/device-registration/services";
import { createDeviceAuthenticationFlow } from "@/lib/flows/device-authentication/machine";
import { deviceAuthenticationServices } from "@/lib/flows/device-authentication/services";
import { createBrowserManagementFlow } from "@/lib/flows/browser-management/machine";
import { browserManagementServices } from "@/lib/flows/browser-management/services";
import { createReAuthenticationFlow } from "@/lib/flows/re-authentication/machine";
import { reAuthenticationServices } from "@/lib/flows/re-authentication/services";

/** Every flow the doors can start, by kind. */
export const flowMachines = {
  "device-management": createDeviceManagementFlow(deviceManagementServices),
  "device-registration": createDeviceRegistrationFlow(deviceRegistrationServices),
  "device-authentication": createDeviceAuthenticationFlow(deviceAuthenticationServices),
  // "Your browsers" (issue 12): the portal only; no widget or API adapter opens it.
  "browser-management": createBrowserManagementFlow(browserManagementServices),
  // "Confirm it's you" before the admin console's changes (issue 13): pages only.
  "re-authentication": createReAuthenticationFlow(reAuthenticationServices),
};

export type FlowKind = keyof typeof flowMachines;
