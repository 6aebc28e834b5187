/** The device-registration flow: choosing, adding and confirming a device. */
export const registration = {};
