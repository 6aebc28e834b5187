import "server-only";
import { changeDevice, type DeviceChangeOptions } from "@/lib/devices/change-device";

export async function renameDevice(options: DeviceChangeOptions & { nickname: string }) {
  await changeDevice({ ...options, action: "device.renamed", details: { newNickname: options.nickname } }, (tx, device) =>
    tx.device.update({ where: { id: device.id }, data: { nickname: options.nickname } }),
  );
}
