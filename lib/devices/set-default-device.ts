import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { text } from "@/lib/i18n/text";
import { changeDevice, type DeviceChangeOptions } from "@/lib/devices/change-device";

export async function setDefaultDevice(options: DeviceChangeOptions) {
  await changeDevice({ ...options, action: "device.made_default" }, async (tx, device) => {
    if (device.status !== "ACTIVE") throw new AppError("CONFLICT", text("devices.errors.onlyActiveDefault"));
    await tx.device.updateMany({ where: { userId: options.userId, isDefault: true }, data: { isDefault: false } });
    await tx.device.update({ where: { id: device.id }, data: { isDefault: true } });
  });
}
